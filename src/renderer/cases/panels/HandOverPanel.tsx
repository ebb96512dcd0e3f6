/** The applicant's hand-over: the documents ticked against the act's list, then process 1 and 2 follow. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Regulation } from '../../../shared/regulation';
import { useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';
import { useProblem } from '../../ui/useProblem';
import { useCases } from '../casesStore';
import { DocumentChecklist, MissingNotice } from './DocumentChecklist';

/** Enter on a tick box sends the form, as it does in a text field. */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}

export function HandOverPanel({ regulation }: { regulation: Regulation }) {
  const t = useT();
  const { handOver, busy } = useCases();
  const [taken, setTaken] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useProblem();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(await handOver([...taken]));
  }

  return (
    <form className="panel-form" onSubmit={submit} onKeyDown={submitOnEnter} noValidate data-testid="hand-over-form">
      {problem && <div className="notice notice--error" role="alert">{problem.summary}</div>}
      <DocumentChecklist regulation={regulation} taken={taken} onChange={setTaken} error={problem?.fields.documents} autoFocus />
      <MissingNotice regulation={regulation} taken={taken} />
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
          {t('handOver.submit')}
        </Button>
      </div>
    </form>
  );
}
