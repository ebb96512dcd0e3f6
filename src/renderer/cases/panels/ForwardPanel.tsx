/**
 * Process 5 (5–6 in S2): the documents are scanned, the operator signs the request and its scans
 * with their ЭЦП, and the request goes through the gateway to the act's target system — only
 * with a verified signature that covers the scans as they are. Where the act's counter flow has
 * no hand-over line, the documents are ticked here. The same panel accepts a case whose ЖТ МДҚ
 * answer has not come yet (see AcceptWithoutAnswer).
 */
import { useId, useState, type FormEvent } from 'react';
import type { CaseView } from '../../../shared/cases';
import type { Channel, Regulation } from '../../../shared/regulation';
import { useLocale, useT } from '../../i18n/localeStore';
import { ScanPanel } from '../../scans/ScanPanel';
import { SigningPanel, useSignedForForward } from '../../scans/SigningPanel';
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
  const signed = useSignedForForward(view.id);
  const formId = useId();
  const noteId = useId();
  const ticksHere = !channel.steps.some((s) => s.effect === 'handOver');
  const target = channel.targetSystem ?? 'regionalGateway';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!signed) return;
    setProblem(await forward(ticksHere ? [...taken] : undefined));
  }

  // The scans and the signing have forms of their own: the forward form holds the ticks, and its
  // button stands after the signature, bound to it by the form attribute.
  return (
    <div className="panel-form" data-testid="forward-panel">
      {problem && (
        <div className="notice notice--error" role="alert">
          {problem.summary}
        </div>
      )}
      <ApplicantCard view={view} />
      <form id={formId} className="panel-form forward-ticks" onSubmit={submit} onKeyDown={submitOnEnter} noValidate data-testid="forward-form">
        {ticksHere ? (
          <>
            <DocumentChecklist regulation={regulation} taken={taken} onChange={setTaken} error={problem?.fields.documents} autoFocus={autoFocus} />
            <MissingNotice regulation={regulation} taken={taken} />
          </>
        ) : (
          <TakenSummary regulation={regulation} view={view} />
        )}
      </form>
      <ScanPanel caseId={view.id} autoFocus={autoFocus && !ticksHere} />
      <SigningPanel view={view} />
      <div className="form-actions forward-actions">
        {!signed && (
          <p className="panel-note forward-sign-first" id={noteId} data-testid="sign-first">
            {t('forward.signFirst')}
          </p>
        )}
        <Button
          type="submit"
          form={formId}
          variant="primary"
          shortcut="Enter"
          busy={busy}
          disabled={!signed}
          aria-describedby={signed ? undefined : noteId}
          data-testid="forward"
        >
          {t(`forward.to.${target}`)}
        </Button>
      </div>
    </div>
  );
}
