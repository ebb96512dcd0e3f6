/**
 * The acts' names in an exported report, in the supervisor's language: the service's title, and
 * each step as the act numbers it — "2-үдеріс", "Условие 1", "Process 3" — worded as the screens
 * word them (renderer/cases/steps.ts), with its place in the counter's flow for ordering.
 */
import type { Regulation } from '../../../shared/regulation';
import type { ExportLocale } from './labels';
import type { ActNames } from './tables';

const STEP_WORDS: Record<ExportLocale, { start: string; process: string; condition: string }> = {
  kk: { start: 'Құжаттарды тапсыру', process: '{n}-үдеріс', condition: '{n}-шарт' },
  ru: { start: 'Сдача документов', process: 'Процесс {n}', condition: 'Условие {n}' },
  en: { start: 'Hand-over', process: 'Process {n}', condition: 'Condition {n}' },
};

export function actNames(regulation: (id: string) => Regulation | undefined, locale: ExportLocale): ActNames {
  const words = STEP_WORDS[locale];
  return {
    title: (id) => regulation(id)?.service.title[locale] ?? id,
    step(id, stepId) {
      // The counter's own channel: the one whose steps a case at this workstation walks.
      const channel = regulation(id)?.channels.find((c) => c.kind === 'stateCorporation');
      const order = channel?.steps.findIndex((s) => s.id === stepId) ?? -1;
      const step = order >= 0 ? channel!.steps[order]! : undefined;
      if (!step) return undefined;
      const label = step.kind === 'start' ? words.start : words[step.kind].replace('{n}', String(step.number));
      return { label, order };
    },
  };
}
