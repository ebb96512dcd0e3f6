/**
 * One case: the act's steps on the left with the running clock of the current one, and on the
 * right what the operator does now, the case's facts and its documents. F1 (or ?) shows the
 * act's own words for the current step.
 */
import { useEffect, useState } from 'react';
import type { CaseView } from '../../shared/cases';
import type { Channel, Regulation, Step } from '../../shared/regulation';
import { useStatus } from '../app/statusStore';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { useMyRun } from '../training/myRunStore';
import { TraineePanel } from '../training/TraineePanel';
import { TrainingDataPanel } from '../training/TrainingDataPanel';
import { Button } from '../ui/Button';
import { formatIsoDate } from '../ui/format';
import { Notice } from '../ui/Notice';
import { ActTextDialog } from './ActTextDialog';
import { CaseFacts } from './CaseFacts';
import { CaseOutbox } from './CaseOutbox';
import { useCases } from './casesStore';
import { AcceptWithoutAnswer } from './panels/AcceptWithoutAnswer';
import { ForwardPanel } from './panels/ForwardPanel';
import { HandOverPanel } from './panels/HandOverPanel';
import { IssuePanel } from './panels/IssuePanel';
import { OutcomePanel } from './panels/OutcomePanel';
import { RequestFormPanel } from './panels/RequestFormPanel';
import { WaitingPanel } from './panels/WaitingPanel';
import { StatusBadge } from './StatusBadge';
import { StepList } from './StepList';
import { counterChannel, ENDED_STATES, findStep, isHistorical, localToday, panelFor, panelTitleKey, stepLabel, type PanelKind } from './steps';

const QUIET_PROBLEMS = new Set(['CASE_CHANGED', 'STEP_OUT_OF_ORDER', 'ALREADY_DONE']);

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)) || target instanceof HTMLTextAreaElement);
}

/** F1 anywhere, or ? outside a text field, opens the act's text for the current step. */
function useActShortcut(open: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'F1' || (event.key === '?' && !isTyping(event.target))) {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

interface CurrentPanelProps {
  kind: PanelKind;
  regulation: Regulation;
  channel: Channel;
  view: CaseView;
  step: Step | undefined;
}

function CurrentPanel({ kind, regulation, channel, view, step }: CurrentPanelProps) {
  switch (kind) {
    case 'outcome':
      return <OutcomePanel channel={channel} view={view} />;
    case 'handOver':
      return <HandOverPanel regulation={regulation} />;
    case 'requestForm':
      return <RequestFormPanel regulation={regulation} />;
    case 'forward':
      return <ForwardPanel regulation={regulation} channel={channel} view={view} />;
    case 'issue':
      return <IssuePanel regulation={regulation} view={view} />;
    case 'acceptWithoutAnswer':
      return step ? <AcceptWithoutAnswer regulation={regulation} channel={channel} step={step} view={view} /> : null;
    case 'waiting':
      return step ? <WaitingPanel channel={channel} step={step} view={view} /> : null;
    default:
      return null;
  }
}

export function CaseScreen({ caseId }: { caseId: number }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const training = useStatus((s) => s.status?.training ?? false);
  const { current, regulations, caseProblem, caseLoading, actionProblem, loadCase, showList, dismissActionProblem } = useCases();
  const [actStep, setActStep] = useState<string | null>(null);
  const myRun = useMyRun((s) => s.run);

  useEffect(() => {
    if (useCases.getState().current?.id !== caseId) void loadCase(caseId);
  }, [caseId, loadCase]);

  const view = current?.id === caseId ? current : null;
  // Training: the trainee's run follows the case — read it again whenever the case moves.
  useEffect(() => {
    if (training) void useMyRun.getState().load();
  }, [training, caseId, view?.step, view?.status]);
  const trainingRun = training && myRun?.caseId === caseId ? myRun : null;
  const regulation = view ? regulations[view.regulationId] : undefined;
  const channel = regulation ? counterChannel(regulation) : undefined;
  const ended = view ? ENDED_STATES.includes(view.step) : false;
  // When the flow has ended, F1 shows the last step it took.
  const focusStepId = view ? (ended ? view.steps.at(-1)?.step : view.step) : undefined;
  const step = findStep(channel, view?.step ?? '');

  const openAct = () => {
    if (focusStepId) setActStep(focusStepId);
  };
  useActShortcut(openAct);

  if (!view || !regulation || !channel) {
    return (
      <section className="case-screen" data-testid="case-screen">
        {caseProblem ? (
          <Notice tone="error">
            {describeProblem(t, caseProblem).summary}{' '}
            <Button variant="quiet" onClick={() => void loadCase(caseId)}>
              {t('action.retry')}
            </Button>
          </Notice>
        ) : (
          caseLoading && <p className="muted">{t('app.loading')}</p>
        )}
        <div>
          <Button onClick={showList}>{t('cases.backToList')}</Button>
        </div>
      </section>
    );
  }

  const historical = isHistorical(regulation, localToday());
  const shownStep = actStep ? findStep(channel, actStep) : undefined;
  const kind = panelFor(step, view);
  const titleKey = panelTitleKey(kind);
  return (
    <section className="case-screen" data-testid="case-screen" data-step={view.step} data-status={view.status}>
      <header className="case-header">
        <div className="case-header-main">
          <p className="case-kicker">
            <span className="mono" data-testid="case-header-number">
              {t('case.numberShort', { number: view.number })}
            </span>
            <StatusBadge status={view.status} />
            {view.training && <span className="badge badge--history">{t('case.trainingCase')}</span>}
          </p>
          <h1 className="page-title case-title">{regulation.service.title[locale]}</h1>
          {locale !== 'kk' && (
            <p className="case-title-kk" lang="kk">
              {regulation.service.title.kk}
            </p>
          )}
          <p className="case-act">
            {t('catalog.act', { authority: regulation.act.authority[locale], number: regulation.act.number, date: formatIsoDate(t, regulation.act.date) })}
          </p>
        </div>
        <div className="page-actions">
          <Button onClick={showList}>{t('cases.backToList')}</Button>
          <Button shortcut="F1" onClick={openAct} data-testid="open-act">
            {t('act.open')}
          </Button>
        </div>
      </header>
      {historical && (
        <Notice tone="warning" testId="historical-act">
          {t('case.historical', {
            to: regulation.inForce.to ? formatIsoDate(t, regulation.inForce.to) : formatIsoDate(t, regulation.inForce.from),
          })}
        </Notice>
      )}
      {actionProblem && (
        <div className={`notice ${QUIET_PROBLEMS.has(actionProblem.code) ? 'notice--info' : actionProblem.code === 'GATEWAY_UNAVAILABLE' ? 'notice--warning' : 'notice--error'}`} role="alert" data-testid="action-problem">
          <p>
            {describeProblem(t, actionProblem).summary}
            {QUIET_PROBLEMS.has(actionProblem.code) && ` ${t('case.reloaded')}`}
          </p>
          <div>
            <Button variant="quiet" onClick={dismissActionProblem}>
              {t('action.close')}
            </Button>
          </div>
        </div>
      )}
      <div className={`case-layout${trainingRun ? ' case-layout--training' : ''}`}>
        <StepList channel={channel} view={view} onShowAct={setActStep} />
        <div className="case-main">
          <section className="card current-panel" aria-labelledby="current-panel-title" data-testid="current-panel" data-effect={ended ? 'ended' : step?.effect} data-panel={kind}>
            <p className="panel-kicker">{ended ? t('panel.kickerEnded') : step && t('panel.kicker', { step: stepLabel(t, step) })}</p>
            <h2 className="panel-title" id="current-panel-title">
              {t(titleKey)}
            </h2>
            {!ended && step && <p className="panel-lead">{t(`${titleKey}.lead`)}</p>}
            <CurrentPanel key={`${view.id}/${view.step}/${kind}`} kind={kind} regulation={regulation} channel={channel} view={view} step={step} />
          </section>
          <CaseOutbox view={view} />
          <CaseFacts view={view} />
          {training && <TrainingDataPanel formOpen={step?.effect === 'requestForm'} />}
        </div>
        {trainingRun && <TraineePanel run={trainingRun} onShowAct={setActStep} />}
      </div>
      {shownStep && <ActTextDialog regulation={regulation} channel={channel} step={shownStep} onClose={() => setActStep(null)} />}
    </section>
  );
}
