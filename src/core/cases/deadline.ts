/**
 * The term a receipt states: the act's total term where it gives one, otherwise the sum of the
 * norms along the flow that leads to the result (the provider's own flow, usually), with the
 * longer norm the act allows when documents are missing.
 */
import type { Channel, Regulation, Step } from '../../shared/regulation';
import type { Term } from '../calendar/termClock';

/** The steps from the first to the result, taking every condition's 'yes'. */
export function resultPath(channel: Channel): Step[] {
  const byId = new Map(channel.steps.map((s) => [s.id, s]));
  const path: Step[] = [];
  let at: string | undefined = channel.steps[0]?.id;
  while (at && at !== 'end' && !path.some((s) => s.id === at)) {
    const step: Step = byId.get(at)!;
    path.push(step);
    at = step.kind === 'condition' ? step.ifYes : step.next;
  }
  return path;
}

export function deadlineTerms(regulation: Regulation, channel: Channel, documentsMissing: boolean): Term[] {
  const deadline = channel.deadline;
  if (!deadline) return [];
  if (deadline.kind === 'total') {
    const amount = documentsMissing && deadline.whenDocumentsMissing ? deadline.whenDocumentsMissing : deadline.amount;
    return [{ amount, unit: deadline.unit }];
  }
  const summed = regulation.channels.find((c) => c.kind === deadline.of);
  if (!summed) return [];
  const longer = documentsMissing ? deadline.whenDocumentsMissing : undefined;
  return resultPath(summed).flatMap((step) => {
    const norm = longer && longer.step === step.id ? longer.norm : step.norm;
    return norm ? [{ amount: norm.max, unit: norm.unit }] : [];
  });
}
