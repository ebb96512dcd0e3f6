/**
 * The report's figures in the supervisor's words: an act by its service's name, a step by the act's
 * own number and title, a duration in the largest unit that reads well, and the rows the charts draw.
 */
import type { Regulation } from '../../shared/regulation';
import type { Report } from '../../shared/reports/report';
import type { Locale } from '../../shared/schemas';
import type { Translate } from '../i18n/localeStore';
import { asLine, counterChannel, findStep, stepLabel } from '../cases/steps';
import { formatDecimal } from '../ui/format';
import { daysOf } from './period';

export type Regulations = Record<string, Regulation | null>;

/** "S1 · Тұрғын үй көмегін тағайындау", or the act's id while its words are not here yet. */
export function actTitle(regulations: Regulations, regulationId: string, locale: Locale): string {
  const regulation = regulations[regulationId];
  return regulation ? `${regulation.service.code} · ${regulation.service.title[locale]}` : regulationId;
}

/** The step as the act numbers it ("2-үдеріс") and its title in the act's words, when the act is known. */
export function stepName(t: Translate, locale: Locale, regulations: Regulations, regulationId: string, stepId: string): { label: string; title: string | null } {
  const regulation = regulations[regulationId];
  const step = regulation ? findStep(counterChannel(regulation), stepId) : undefined;
  if (!step) return { label: stepId, title: null };
  return { label: stepLabel(t, step), title: asLine(step.title[locale]) };
}

/** A refusal's reason is written by the core in the applicant's language (kk or ru); English reads the Russian. */
export function reasonText(reason: { kk: string; ru: string }, locale: Locale): string {
  return locale === 'kk' ? reason.kk : reason.ru;
}

/** "45 сек", "12 мин", "3,5 сағ", "2,1 күн": a step's time in the unit a supervisor would say it in. */
export function durationText(t: Translate, locale: Locale, seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return t('norm.seconds', { n: formatDecimal(locale, seconds) });
  if (seconds < 3600) return t('norm.minutes', { n: formatDecimal(locale, seconds / 60) });
  if (seconds < 86_400) return t('norm.hours', { n: formatDecimal(locale, seconds / 3600) });
  return t('reports.duration.days', { n: formatDecimal(locale, seconds / 86_400) });
}

/** A share as a percentage with one decimal: "37,5 %". */
export function shareText(locale: Locale, share: number): string {
  return `${formatDecimal(locale, share * 100)} %`;
}

/** Nothing happened in the period: no case, no ticket, no survey. */
export function isEmpty(report: Report): boolean {
  return report.cases.total === 0 && report.queue.total.issued === 0 && report.survey.answered === 0 && report.norms.every((n) => n.count === 0);
}

/** Every day of the period with its tickets, the quiet days as zeros, labelled "09.02". */
export function ticketsByDay(report: Report): { day: string; label: string; issued: number; served: number; noShow: number }[] {
  const given = new Map(report.queue.byDay.map((d) => [d.day, d]));
  const days = daysOf(report.query).length <= 62 ? daysOf(report.query) : report.queue.byDay.map((d) => d.day);
  return days.map((day) => {
    const d = given.get(day);
    return { day, label: `${day.slice(8, 10)}.${day.slice(5, 7)}`, issued: d?.issued ?? 0, served: d?.served ?? 0, noShow: d?.noShow ?? 0 };
  });
}

/** The survey's answers per question as percentages, stacked poor → good. */
export function surveyShares(report: Report, t: Translate): { question: string; key: string; a1: number; a2: number; a3: number }[] {
  return report.survey.questions.map((q) => {
    const share = (value: 1 | 2 | 3) => Math.round((q.answers.find((a) => a.value === value)?.share ?? 0) * 1000) / 10;
    return { question: t(`survey.short.${q.question}`), key: q.question, a1: share(1), a2: share(2), a3: share(3) };
  });
}

/** Steps that ran over their norm at least once, most breaches first. */
export function breachesByStep(report: Report, t: Translate, locale: Locale, regulations: Regulations) {
  return report.norms
    .filter((n) => n.breaches > 0)
    .sort((a, b) => b.breaches - a.breaches)
    .map((n) => {
      const code = regulations[n.regulationId]?.service.code ?? n.regulationId;
      return { regulationId: n.regulationId, step: n.step, label: `${code} · ${stepName(t, locale, regulations, n.regulationId, n.step).label}`, breaches: n.breaches };
    });
}

type NormRow = Report['norms'][number];

/** The norms grouped by act, each act's steps in the order its counter flow runs them. */
export function normsByAct(report: Report, regulations: Regulations): { regulationId: string; steps: NormRow[] }[] {
  const groups = new Map<string, NormRow[]>();
  for (const n of report.norms) {
    if (n.count === 0 && n.breaches === 0) continue;
    groups.set(n.regulationId, [...(groups.get(n.regulationId) ?? []), n]);
  }
  return [...groups].map(([regulationId, steps]) => {
    const regulation = regulations[regulationId];
    const order = regulation ? (counterChannel(regulation)?.steps.map((s) => s.id) ?? []) : [];
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    return { regulationId, steps: [...steps].sort((a, b) => rank(a.step) - rank(b.step) || a.step.localeCompare(b.step)) };
  });
}
