/**
 * The act's counter flow as the operator sees it: each step's label exactly as the act numbers
 * it ("2-үдеріс", "1-шарт"), its norm in words, and where the case stands on it.
 */
import { ENDED_WITH_REFUSAL, ENDED_WITH_RESULT } from '../../shared/cases';
import type { CaseView } from '../../shared/cases';
import type { Channel, Norm, NormUnit, Regulation, Step } from '../../shared/regulation';
import type { Locale } from '../../shared/schemas';
import type { MessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/localeStore';
import { formatDecimal, pluralForm } from '../ui/format';

export type CaseStep = CaseView['steps'][number];
export type StepState = 'done' | 'current' | 'skipped' | 'pending';

export interface StepRow {
  step: Step;
  state: StepState;
  /** The last time the case was at this step, when it was. */
  record: CaseStep | null;
}

export const ENDED_STATES: string[] = [ENDED_WITH_RESULT, ENDED_WITH_REFUSAL];

export function counterChannel(regulation: Regulation): Channel | undefined {
  return regulation.channels.find((channel) => channel.kind === 'stateCorporation');
}

export function findStep(channel: Channel | undefined, id: string): Step | undefined {
  return channel?.steps.find((step) => step.id === id);
}

/** "2-үдеріс", "Условие 1", "Process 3"; the unnumbered first line is the applicant's hand-over. */
export function stepLabel(t: Translate, step: Pick<Step, 'kind'> & { number?: number }): string {
  if (step.kind === 'start') return t('step.start');
  return t(step.kind === 'process' ? 'step.process' : 'step.condition', { n: step.number ?? 0 });
}

/** The label of a step by its id, for lists that have only the id at hand. */
export function stepLabelById(t: Translate, regulation: Regulation | undefined, id: string): string {
  if (id === ENDED_WITH_RESULT) return t('step.endedWithResult');
  if (id === ENDED_WITH_REFUSAL) return t('step.endedWithRefusal');
  const step = regulation ? findStep(counterChannel(regulation), id) : undefined;
  return step ? stepLabel(t, step) : id;
}

/**
 * Where the case stands on every step of the channel: done, current, not reached yet, or
 * skipped (the branch of a condition not taken, or steps after the flow ended).
 */
export function stepRows(channel: Channel, view: Pick<CaseView, 'step' | 'steps'>): StepRow[] {
  const last = new Map<string, CaseStep>();
  for (const record of view.steps) last.set(record.step, record);
  const ended = ENDED_STATES.includes(view.step);
  const lastVisitedIndex = channel.steps.reduce((max, step, index) => (last.has(step.id) ? index : max), -1);
  return channel.steps.map((step, index) => {
    const record = last.get(step.id) ?? null;
    let state: StepState;
    if (record && record.endedAt === null && view.step === step.id) state = 'current';
    else if (record) state = 'done';
    else if (ended || index < lastVisitedIndex) state = 'skipped';
    else state = 'pending';
    return { step, state, record };
  });
}

const UNIT_SECONDS: Partial<Record<NormUnit, number>> = { seconds: 1, minutes: 60, hours: 3600 };

/** A norm's length in seconds, for the units a counter clock can count (not days). */
export function normSeconds(norm: Norm | null): number | null {
  if (!norm) return null;
  const per = UNIT_SECONDS[norm.unit];
  return per ? norm.max * per : null;
}

/** "60 сек" reads as "1 мин" at a counter, the way the acts write "30 секунд – 1 минут". */
function shown(value: number, unit: NormUnit): { value: number; unit: NormUnit } {
  return unit === 'seconds' && value >= 60 && value % 60 === 0 ? { value: value / 60, unit: 'minutes' } : { value, unit };
}

function words(t: Translate, locale: Locale, n: string, count: number, unit: NormUnit): string {
  if (unit === 'workingDays' || unit === 'calendarDays') {
    const form = locale === 'ru' ? pluralForm(count) : locale === 'en' && count === 1 ? 'one' : 'many';
    return t(`norm.${unit}.${form}` as MessageKey, { n });
  }
  return t(`norm.${unit}` as MessageKey, { n });
}

/** "2 мин", "30 сек – 1 мин", "10 рабочих дней". */
export function formatNorm(t: Translate, locale: Locale, norm: Norm | null): string {
  if (!norm) return t('norm.none');
  const max = shown(norm.max, norm.unit);
  const maxText = words(t, locale, formatDecimal(locale, max.value), max.value, max.unit);
  if (norm.min === undefined) return maxText;
  const min = shown(norm.min, norm.unit);
  if (min.unit === max.unit) return words(t, locale, `${formatDecimal(locale, min.value)}–${formatDecimal(locale, max.value)}`, max.value, max.unit);
  return `${words(t, locale, formatDecimal(locale, min.value), min.value, min.unit)} – ${maxText}`;
}

/** Who performs a step, in words; the target system by its own name. */
export function actorName(t: Translate, step: Step, channel: Channel): string {
  if (step.actor === 'targetSystem') return t(channel.targetSystem === 'eSobes' ? 'target.eSobes' : 'target.regionalGateway');
  return t(`actor.${step.actor}`);
}

/** The regulation is no longer (or not yet) in force on this day: a historical act, for training. */
export function isHistorical(regulation: Regulation, today: string): boolean {
  return Boolean((regulation.inForce.to && regulation.inForce.to < today) || regulation.inForce.from > today);
}

/**
 * The acts write steps as list items that begin in lower case ("көрсетілетін қызметті алушы …");
 * as a line of its own a step reads better capitalised. The act's text itself stays verbatim.
 */
export function asLine(text: string): string {
  const at = text.search(/\p{L}/u);
  return at < 0 ? text : text.slice(0, at) + text.charAt(at).toLocaleUpperCase() + text.slice(at + 1);
}

/** How the current step's clock stands against its norm's end. */
export type TimerTone = 'calm' | 'near' | 'over' | 'none';

export function timerTone(now: number, startedAt: number, dueAt: number | null): { tone: TimerTone; fraction: number } {
  if (dueAt === null) return { tone: 'none', fraction: 0 };
  const total = dueAt - startedAt;
  const fraction = total > 0 ? (now - startedAt) / total : 1;
  if (now > dueAt) return { tone: 'over', fraction: 1 };
  return { tone: fraction >= 0.75 ? 'near' : 'calm', fraction: Math.max(0, fraction) };
}

/** What the operator works in on the case screen now. */
export type PanelKind = 'outcome' | 'handOver' | 'requestForm' | 'forward' | 'acceptWithoutAnswer' | 'issue' | 'waiting' | 'none';

/**
 * The panel for where the case stands: by the step's effect, and by whether the counter part is
 * done. While ЖТ МДҚ has not answered (process 3 waiting on the link) the applicant need not wait:
 * the operator may sign and forward at once, and the rest follows by itself.
 */
export function panelFor(step: Pick<Step, 'effect'> | undefined, view: Pick<CaseView, 'step' | 'counterDone'>): PanelKind {
  if (ENDED_STATES.includes(view.step)) return 'outcome';
  if (!step) return 'none';
  if (step.effect === 'issueResult') return 'issue';
  // Signed, forwarded, the receipt given: nothing is left to do at the counter until the result.
  if (view.counterDone) return 'waiting';
  switch (step.effect) {
    case 'handOver':
      return 'handOver';
    case 'requestForm':
      return 'requestForm';
    case 'scanAndSign':
    case 'forward':
      return 'forward';
    case 'stateDatabaseRequest':
      return 'acceptWithoutAnswer';
    default:
      return 'waiting';
  }
}

const PANEL_TITLES = {
  outcome: 'panel.ended',
  handOver: 'panel.handOver',
  requestForm: 'panel.requestForm',
  forward: 'panel.forward',
  acceptWithoutAnswer: 'panel.waiting',
  issue: 'panel.issueResult',
  waiting: 'panel.waiting',
  none: 'panel.waiting',
} as const satisfies Record<PanelKind, MessageKey>;

export function panelTitleKey(kind: PanelKind): (typeof PANEL_TITLES)[PanelKind] {
  return PANEL_TITLES[kind];
}

/** Today on this computer's calendar, as yyyy-mm-dd. */
export function localToday(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
