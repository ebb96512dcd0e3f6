/** "Reset training data": one action, after saying plainly what goes and what stays. */
import { useState } from 'react';
import { attempt } from '../client/problem';
import { useT } from '../i18n/localeStore';
import { Dialog } from '../ui/Dialog';
import { useProblem } from '../ui/useProblem';
import { useTrainingRuns } from './runsStore';
import { ConfirmActions } from '../ui/ConfirmActions';

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
        <ResetList title={t('training.reset.cleared')} items={[t('training.reset.clearedCases'), t('training.reset.clearedTickets'), t('training.reset.clearedScans'), t('training.reset.clearedRuns')]} />
        <ResetList title={t('training.reset.kept')} items={[t('training.reset.keptAccounts'), t('training.reset.keptSettings'), t('training.reset.keptScenarios')]} />
      </div>
      <ConfirmActions problem={problem ? problem.summary : null} busy={busy} confirmLabel={t('training.reset.confirm')} onCancel={onClose} onConfirm={() => void confirm()} />
    </Dialog>
  );
}

/** What the reset clears, or what it keeps: a heading and the items in words. */
function ResetList({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <p className="subsection-title">{title}</p>
      <ul className="reset-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
