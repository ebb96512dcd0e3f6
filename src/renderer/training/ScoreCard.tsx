/**
 * How the trainee did: steps right, steps within their norm, and each mistake with the rule it
 * broke in the act's own words and item — the same card on the trainer's screen and the trainee's.
 */
import type { Score } from '../../shared/training/scenario';
import { useLocale, useT } from '../i18n/localeStore';
import { ActWords } from './ActWords';
import { useStepLabel } from './useStepLabel';

export function ScoreCard({ score, regulationId, testId = 'score-card' }: { score: Score; regulationId: string; testId?: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const titleOf = useStepLabel(regulationId);
  return (
    <section className={`score-card${score.passed ? ' score-card--passed' : ' score-card--failed'}`} data-testid={testId} data-passed={score.passed}>
      <h3 className="score-title">{t(score.passed ? 'training.score.passed' : 'training.score.notPassed')}</h3>
      <dl className="score-figures">
        <div className="score-figure" data-testid="score-steps">
          <dt>{t('training.score.stepsRight')}</dt>
          <dd>{t('training.score.ofTotal', { n: score.stepsRight, total: score.stepsTotal })}</dd>
        </div>
        <div className="score-figure" data-testid="score-norms">
          <dt>{t('training.score.withinNorm')}</dt>
          <dd>{t('training.score.ofTotal', { n: score.withinNorm, total: score.normsTotal })}</dd>
        </div>
        <div className="score-figure" data-testid="score-mistakes">
          <dt>{t('training.score.mistakes')}</dt>
          <dd>{score.mistakes.length}</dd>
        </div>
      </dl>
      {score.mistakes.length > 0 && (
        <ol className="score-mistakes">
          {score.mistakes.map((mistake, index) => {
            const step = titleOf(mistake.step);
            return (
              <li key={index} className="score-mistake" data-step={mistake.step ?? ''}>
                {step && <p className="score-mistake-step">{step}</p>}
                <p className="score-mistake-what">{mistake.what[locale]}</p>
                {mistake.rule && (
                  <div className="score-mistake-rule">
                    <p className="score-mistake-rule-label">{t('training.score.rule')}</p>
                    <ActWords act={mistake.rule} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
