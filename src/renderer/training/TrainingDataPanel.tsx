/**
 * The simulated registers behind the training gateway, beside the case: a trainer picks a person
 * who exists, one who does not, or a revoked power of attorney, and shows what the act does.
 */
import { useEffect } from 'react';
import { useCases } from '../cases/casesStore';
import { typedFromIso } from '../cases/panels/RequestFormPanel';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatIsoDate } from '../ui/format';
import { Notice } from '../ui/Notice';
import { absentIin } from './absentIin';
import { GatewayFaultControl } from './GatewayFaultControl';
import { useTraining } from './trainingStore';
import { TableHead } from '../ui/TableHead';

export function TrainingDataPanel({ formOpen }: { formOpen: boolean }) {
  const t = useT();
  const { population, problem, load } = useTraining();
  const setDraft = useCases((s) => s.setDraft);
  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = (iin: string) => population?.people.find((p) => p.iin === iin)?.fullName ?? '';
  const missing = population ? absentIin(population.people.map((p) => p.iin)) : '';
  const use = (label: string, fill: () => void) =>
    formOpen && (
      <Button variant="quiet" onClick={fill} aria-label={label}>
        {t('training.use')}
      </Button>
    );

  return (
    <details className="training-data" data-testid="training-data">
      <summary className="training-data-summary">{t('training.data.title')}</summary>
      <div className="training-data-body">
        <p className="muted small">{t('training.data.lead')}</p>
        <GatewayFaultControl />
        {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
        {population && (
          <>
            <h3 className="subsection-title">{t('training.data.people')}</h3>
            <table className="table table--dense training-table">
              <TableHead columns={[t('field.iin'), t('field.fullName')]} actions={t('training.use')} />
              <tbody>
                {population.people.map((person) => (
                  <tr key={person.iin} data-iin={person.iin}>
                    <td className="mono">{person.iin}</td>
                    <td>
                      {person.fullName}
                      {person.deceased && <span className="tag tag--danger">{t('training.data.deceased')}</span>}
                    </td>
                    <td className="table-actions">
                      {use(t('training.useIin', { iin: person.iin }), () => setDraft({ applicantIin: person.iin }))}
                    </td>
                  </tr>
                ))}
                <tr data-iin={missing}>
                  <td className="mono">{missing}</td>
                  <td className="muted">{t('training.data.absent')}</td>
                  <td className="table-actions">{use(t('training.useIin', { iin: missing }), () => setDraft({ applicantIin: missing }))}</td>
                </tr>
              </tbody>
            </table>
            <h3 className="subsection-title">{t('training.data.powers')}</h3>
            <table className="table table--dense training-table">
              <TableHead
                columns={[t('training.data.poa'), t('training.data.principal'), t('training.data.representative')]}
                actions={t('training.use')}
              />
              <tbody>
                {population.powersOfAttorney.map((poa) => (
                  <tr key={poa.number} data-poa={poa.number}>
                    <td>
                      <span className="mono block">{poa.number}</span>
                      <span className="muted small block">
                        {formatIsoDate(t, poa.date)}, {poa.notary}
                      </span>
                      {poa.revoked && <span className="tag tag--danger">{t('training.data.revoked')}</span>}
                    </td>
                    <td>
                      <span className="mono block">{poa.principalIin}</span>
                      <span className="small block">{nameOf(poa.principalIin)}</span>
                    </td>
                    <td>
                      <span className="mono block">{poa.representativeIin}</span>
                      <span className="small block">{nameOf(poa.representativeIin)}</span>
                    </td>
                    <td className="table-actions">
                      {use(t('training.usePoa', { number: poa.number }), () =>
                        setDraft({
                          applicantIin: poa.principalIin,
                          withRepresentative: true,
                          representativeIin: poa.representativeIin,
                          representativeName: nameOf(poa.representativeIin),
                          poaKind: 'notarised',
                          poaNumber: poa.number,
                          poaDate: typedFromIso(poa.date),
                          notary: poa.notary,
                          certifiedBy: '',
                        }),
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </details>
  );
}
