/** "Reset training data": one action, after saying plainly what goes and what stays. */
import { useState } from 'react';
import { attempt } from '../client/problem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Notice } from '../ui/Notice';
import { useProblem } from '../ui/useProblem';
import { useTrainingRuns } from './runsStore';

export function ResetTrainingDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const resetData = useTrainingRuns((s) => s.resetData);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useProblem();

  async function confirm() {
    setBusy(true);
    const failed = await attempt(resetData);
    setBusy(false);
    setProblem(failed);
    if (!failed) onClose();
  }

  return (
    <Dialog title={t('training.reset.title')} onClose={onClose}>
      <div className="reset-lists" data-testid="reset-confirm">
        <div>
          <p className="subsection-title">{t('training.reset.cleared')}</p>
          <ul className="reset-list">
            <li>{t('training.reset.clearedCases')}</li>
            <li>{t('training.reset.clearedTickets')}</li>
            <li>{t('training.reset.clearedScans')}</li>
            <li>{t('training.reset.clearedRuns')}</li>
          </ul>
        </div>
        <div>
          <p className="subsection-title">{t('training.reset.kept')}</p>
          <ul className="reset-list">
            <li>{t('training.reset.keptAccounts')}</li>
            <li>{t('training.reset.keptSettings')}</li>
            <li>{t('training.reset.keptScenarios')}</li>
          </ul>
        </div>
      </div>
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <div className="dialog-actions">
        <Button onClick={onClose} shortcut="Esc" data-autofocus>
          {t('action.cancel')}
        </Button>
        <Button variant="danger" busy={busy} onClick={() => void confirm()}>
          {t('training.reset.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}
