import type { AuditEntry } from '../../shared/schemas';
import { isMessageKey } from '../i18n/catalog';
import { useT } from '../i18n/localeStore';
import { formatTimestamp } from '../ui/format';

function detailText(detail: AuditEntry['detail']): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = useT();
  const actionName = (action: string) => {
    const key = `audit.action.${action}`;
    // Actions added to the core later still show, by their code, until they get a name here.
    return isMessageKey(key) ? t(key) : action;
  };
  return (
    <div className="table-wrap">
      <table className="table table--dense" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('audit.col.id')}
            </th>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.actor')}</th>
            <th scope="col">{t('audit.col.subject')}</th>
            <th scope="col">{t('audit.col.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="num mono">{entry.id}</td>
              <td className="nowrap">{formatTimestamp(entry.at)}</td>
              <td>
                <span className="strong">{actionName(entry.action)}</span>
              </td>
              <td className="mono">{entry.actorId === null ? t('audit.system') : `#${entry.actorId}`}</td>
              <td className="mono">{entry.subject ?? '—'}</td>
              <td className="mono detail">{detailText(entry.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
