/**
 * Process 5 (5–6 in S2): the request goes through the gateway to the act's target system. Where
 * the act's counter flow has no hand-over line, the documents are ticked here. Signing with the
 * operator's ЭЦҚ is not part of this version, and the screen does not pretend it is. The same
 * form accepts a case whose ЖТ МДҚ answer has not come yet (see AcceptWithoutAnswer).
 */
import { useState, type FormEvent } from 'react';
import type { CaseView } from '../../../shared/cases';
import type { Channel, Regulation } from '../../../shared/regulation';
import { useLocale, useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';
import { useProblem } from '../../ui/useProblem';
import { useCases } from '../casesStore';
import { ApplicantCard } from './ApplicantCard';
import { DocumentChecklist, MissingNotice } from './DocumentChecklist';
import { submitOnEnter } from './HandOverPanel';

function TakenSummary({ regulation, view }: { regulation: Regulation; view: CaseView }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const taken = new Set(view.documentsTaken);
  return (
    <section className="taken" aria-label={t('documents.taken')}>
      <p className="field-label">{t('documents.taken')}</p>
      <ul className="taken-list">
        {regulation.requiredDocuments
          .filter((d) => taken.has(d.id) || !d.optional)
          .map((d) => (
            <li key={d.id} className={taken.has(d.id) ? 'taken-yes' : 'taken-no'}>
              <span className="taken-mark" aria-hidden="true" />
              <span>{d.title[locale]}</span>
              {!taken.has(d.id) && <span className="tag tag--warn">{t('documents.notTaken')}</span>}
            </li>
          ))}
      </ul>
    </section>
  );
}

interface ForwardPanelProps {
  regulation: Regulation;
  channel: Channel;
  view: CaseView;
  /** Off where another action on the same panel is the one to take first. */
  autoFocus?: boolean;
}

export function ForwardPanel({ regulation, channel, view, autoFocus = true }: ForwardPanelProps) {
  const t = useT();
  const { forward, busy } = useCases();
  const [taken, setTaken] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useProblem();
  const ticksHere = !channel.steps.some((s) => s.effect === 'handOver');
  const target = channel.targetSystem ?? 'regionalGateway';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(await forward(ticksHere ? [...taken] : undefined));
  }

  return (
    <form className="panel-form" onSubmit={submit} onKeyDown={submitOnEnter} noValidate data-testid="forward-form">
      {problem && (
        <div className="notice notice--error" role="alert">
          {problem.summary}
        </div>
      )}
      <ApplicantCard view={view} />
      {ticksHere ? (
        <>
          <DocumentChecklist regulation={regulation} taken={taken} onChange={setTaken} error={problem?.fields.documents} autoFocus={autoFocus} />
          <MissingNotice regulation={regulation} taken={taken} />
        </>
      ) : (
        <TakenSummary regulation={regulation} view={view} />
      )}
      <p className="panel-note">{t('forward.signingNote')}</p>
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy} autoFocus={autoFocus && !ticksHere} data-testid="forward">
          {t(`forward.to.${target}`)}
        </Button>
      </div>
    </form>
  );
}
