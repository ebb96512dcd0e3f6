/**
 * A button that has the core render a PDF (a document for the applicant, a ticket): the system print
 * dialog in the desktop app, a saved file in the browser; a failure is said beside it in the
 * operator's language.
 */
import { useState } from 'react';
import type { CallInput } from '../../shared/contract';
import { toProblem, type Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { printCall, type PrintableCall } from './saveFile';
import './pdf.css';

interface PdfButtonProps<N extends PrintableCall> {
  label: string;
  /** The call that makes the PDF, and its input. */
  call: N;
  input: CallInput<N>;
  testId: string;
  disabled?: boolean;
  className?: string;
}

export function PdfButton<N extends PrintableCall>({ label, call, input, testId, disabled, className }: PdfButtonProps<N>) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  async function run() {
    setBusy(true);
    setProblem(null);
    try {
      await printCall(call, input, 'save');
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button busy={busy} disabled={disabled} onClick={() => void run()} data-testid={testId} className={className}>
        {label}
      </Button>
      {problem && (
        <span className="pdf-problem" role="alert">
          {describeProblem(t, problem).summary}
        </span>
      )}
    </>
  );
}
