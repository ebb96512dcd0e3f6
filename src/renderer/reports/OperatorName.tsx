/**
 * An operator as the report shows one: the full name, with the login in small print beneath it
 * (the login is what the filters and the exports key on). A login the report has no name for is
 * shown as it is.
 */
import { useReports } from './reportsStore';

export function OperatorName({ login }: { login: string }) {
  const name = useReports((s) => s.operatorNames[login]);
  if (!name) return <>{login}</>;
  return (
    <span className="report-operator" data-login={login}>
      <span className="report-operator-name">{name}</span>
      <span className="report-operator-login">{login}</span>
    </span>
  );
}

/** The same in one line, for a select's option, a title or an accessible name: "Full Name (login)". */
export function operatorText(names: Readonly<Record<string, string>>, login: string): string {
  const name = names[login];
  return name ? `${name} (${login})` : login;
}
