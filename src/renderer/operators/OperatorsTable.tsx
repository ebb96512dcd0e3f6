import type { Operator } from '../../shared/schemas';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';

interface OperatorsTableProps {
  operators: Operator[];
  selfId: number;
  onDisable(operator: Operator): void;
  onEnable(operator: Operator): void;
  onResetPassword(operator: Operator): void;
}

export function OperatorsTable({ operators, selfId, onDisable, onEnable, onResetPassword }: OperatorsTableProps) {
  const t = useT();
  if (!operators.length) return <p className="muted">{t('operators.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="operators-table">
        <thead>
          <tr>
            <th scope="col">{t('operators.col.fullName')}</th>
            <th scope="col">{t('operators.col.login')}</th>
            <th scope="col">{t('operators.col.iin')}</th>
            <th scope="col">{t('operators.col.role')}</th>
            <th scope="col">{t('operators.col.status')}</th>
            <th scope="col" className="table-actions">
              {t('operators.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {operators.map((operator) => (
            <tr key={operator.id} data-login={operator.login}>
              <td>
                <span className="strong">{operator.fullName}</span>
                {operator.id === selfId && <span className="tag tag--self">{t('operators.you')}</span>}
              </td>
              <td className="mono">{operator.login}</td>
              <td className="mono">{operator.iin}</td>
              <td>{t(`role.${operator.role}`)}</td>
              <td>
                {operator.disabled ? (
                  <span className="tag tag--danger">{t('operators.status.disabled')}</span>
                ) : (
                  <span className="tag tag--ok">{t('operators.status.active')}</span>
                )}
                {operator.mustChangePassword && !operator.disabled && (
                  <span className="tag tag--warn">{t('operators.status.mustChange')}</span>
                )}
              </td>
              <td className="table-actions">
                <div className="row-actions">
                  <Button variant="quiet" onClick={() => onResetPassword(operator)}>
                    {t('action.resetPassword')}
                  </Button>
                  {operator.id !== selfId &&
                    (operator.disabled ? (
                      <Button variant="quiet" onClick={() => onEnable(operator)}>
                        {t('action.enable')}
                      </Button>
                    ) : (
                      <Button variant="quiet" className="btn--danger-text" onClick={() => onDisable(operator)}>
                        {t('action.disable')}
                      </Button>
                    ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
