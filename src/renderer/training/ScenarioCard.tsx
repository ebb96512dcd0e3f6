/**
 * One scenario as the trainer chooses it: what it teaches, under which act, the outcome the trainee
 * should reach and the faults the simulated state systems will show.
 */
import { useEffect } from 'react';
import type { ScenarioSummary } from '../../shared/training/scenario';
import { useCases } from '../cases/casesStore';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatIsoDate } from '../ui/format';

function ActLine({ regulationId }: { regulationId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const regulation = useCases((s) => s.regulations[regulationId]);
  useEffect(() => {
    void useCases.getState().regulation(regulationId);
  }, [regulationId]);
  if (!regulation) return <span className="mono">{regulationId}</span>;
  return (
    <>
      <span className="block">{regulation.service.title[locale]}</span>
      <span className="block small muted">
        {t('catalog.act', { authority: regulation.act.authority[locale], number: regulation.act.number, date: formatIsoDate(t, regulation.act.date) })}
      </span>
    </>
  );
}

export function ScenarioCard({ scenario, onStart }: { scenario: ScenarioSummary; onStart(): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const faults = scenario.faults.filter((f) => f !== 'none');
  return (
    <article className="scenario card" data-testid="scenario" data-scenario={scenario.id}>
      <h3 className="scenario-title">{scenario.title[locale]}</h3>
      <p className="scenario-summary">{scenario.summary[locale]}</p>
      <dl className="facts facts--compact scenario-facts">
        <dt>{t('training.scenario.act')}</dt>
        <dd>
          <ActLine regulationId={scenario.regulationId} />
        </dd>
        <dt>{t('training.scenario.expected')}</dt>
        <dd data-testid="scenario-expected">
          <span className="block">{scenario.expected.status ? t(`status.${scenario.expected.status}`) : t('training.scenario.noCase')}</span>
          {scenario.expected.documents.length > 0 && (
            <span className="block small muted">{scenario.expected.documents.map((kind) => t(`document.${kind}`)).join(', ')}</span>
          )}
          {scenario.expected.survey && <span className="block small muted">{t('training.scenario.survey')}</span>}
        </dd>
        <dt>{t('training.scenario.faults')}</dt>
        <dd>
          {faults.length ? (
            faults.map((fault) => (
              <span key={fault} className="tag tag--warn">
                {t(`training.fault.${fault}`)}
              </span>
            ))
          ) : (
            <span className="muted">{t('training.scenario.noFaults')}</span>
          )}
        </dd>
      </dl>
      <div className="scenario-actions">
        <Button variant="primary" onClick={onStart}>
          {t('training.start.open')}
        </Button>
      </div>
    </article>
  );
}
