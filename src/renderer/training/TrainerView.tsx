/**
 * The trainer's screen: the runs of the day watched live (each trainee's steps as they go, the
 * score at the end), the scenarios to start for a trainee, the one-action reset of the training
 * data, and the simulated registers and faults the trainer demonstrates with.
 */
import { useEffect, useState } from 'react';
import type { ScenarioSummary } from '../../shared/training/scenario';
import { useStatus } from '../app/statusStore';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { ResetTrainingDialog } from './ResetTrainingDialog';
import { RunCard } from './RunCard';
import { useTrainingRuns } from './runsStore';
import { ScenarioCard } from './ScenarioCard';
import { StartRunDialog } from './StartRunDialog';
import { TrainingDataPanel } from './TrainingDataPanel';
import { useRunsLive } from './useTrainingLive';
import './training.css';

function Runs() {
  const t = useT();
  const runs = useTrainingRuns((s) => s.runs);
  useRunsLive();
  if (runs === null) return <p className="muted">{t('app.loading')}</p>;
  if (runs.length === 0) return <p className="empty-state" data-testid="runs-empty">{t('training.runs.empty')}</p>;
  return (
    <div className="runs" data-testid="runs">
      {runs.map((run) => (
        <RunCard key={run.id} run={run} />
      ))}
    </div>
  );
}

export function TrainerView() {
  const t = useT();
  const training = useStatus((s) => s.status?.training ?? false);
  const { scenarios, problem, reset, loadScenarios } = useTrainingRuns();
  const [starting, setStarting] = useState<ScenarioSummary | null>(null);
  const [resetting, setResetting] = useState(false);
  useEffect(() => {
    if (training) void loadScenarios();
  }, [training, loadScenarios]);

  if (!training) {
    return (
      <section className="trainer-view" data-testid="trainer-view">
        <PageHeader title={t('training.trainer.title')} />
        <Notice tone="info">{t('training.trainer.liveMode')}</Notice>
      </section>
    );
  }

  return (
    <section className="trainer-view" data-testid="trainer-view">
      <PageHeader
        title={t('training.trainer.title')}
        lead={t('training.trainer.lead')}
        actions={
          <Button variant="danger" onClick={() => setResetting(true)} data-testid="training-reset">
            {t('training.reset.open')}
          </Button>
        }
      />
      {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
      {reset && (
        <Notice tone="success" testId="reset-done">
          {t('training.reset.done', { cases: reset.cases, tickets: reset.tickets })}
        </Notice>
      )}
      <section className="trainer-section" aria-labelledby="runs-title">
        <h2 className="section-title" id="runs-title">
          {t('training.runs.title')}
        </h2>
        <Runs />
      </section>
      <section className="trainer-section" aria-labelledby="scenarios-title">
        <h2 className="section-title" id="scenarios-title">
          {t('training.scenarios.title')}
        </h2>
        <p className="muted">{t('training.scenarios.lead')}</p>
        {scenarios === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <div className="scenarios" data-testid="scenarios">
            {scenarios.map((scenario) => (
              <ScenarioCard key={scenario.id} scenario={scenario} onStart={() => setStarting(scenario)} />
            ))}
          </div>
        )}
      </section>
      <TrainingDataPanel formOpen={false} />
      {starting && <StartRunDialog scenario={starting} onClose={() => setStarting(null)} />}
      {resetting && <ResetTrainingDialog onClose={() => setResetting(false)} />}
    </section>
  );
}
