/** The report's computation on rows made by hand: the edges the seeded day does not reach. */
import { describe, expect, it } from 'vitest';
import { BREACH_LIST_LIMIT, composeReport } from '../../src/shared/reports/compose';
import { Report, type ReportQuery } from '../../src/shared/reports/report';
import type { ReportRows, ReportStepRow } from '../../src/shared/reports/rows';

const QUERY: ReportQuery = { period: 'day', from: '2026-01-15', to: '2026-01-15' };
const NOW = '2026-01-15T12:00:00.000Z';
const rows = (steps: ReportStepRow[]): ReportRows => ({ cases: [], steps, surveys: [], tickets: [], norm: () => ({ max: 2, unit: 'minutes' }) });
const step = (i: number, over: Partial<ReportStepRow> = {}): ReportStepRow => ({
  caseNumber: `A-20260115-${String(i).padStart(4, '0')}`, regulationId: 's1-aktobe-285', step: 'p2', operator: 'operator1',
  startedAt: '2026-01-15T05:00:00.000Z', endedAt: new Date(Date.parse('2026-01-15T05:02:00.000Z') + i * 1000).toISOString(),
  normDueAt: '2026-01-15T05:02:00.000Z', breached: true, ...over,
});

describe('composeReport at its edges', () => {
  it('lists the 500 longest breaches and counts all 600', () => {
    const r = Report.parse(composeReport(QUERY, rows(Array.from({ length: 600 }, (_, i) => step(i + 1))), 'counter', false, NOW));
    expect(r.breachesTotal).toBe(600);
    expect(r.breaches).toHaveLength(BREACH_LIST_LIMIT);
    // Overruns of 600 s down to 101 s: the 100 shortest are the ones left out.
    expect([r.breaches[0]!.overSeconds, r.breaches.at(-1)!.overSeconds]).toEqual([600, 101]);
    expect(r.norms[0]).toMatchObject({ count: 600, breaches: 600, medianSeconds: 120 + 300, p90Seconds: 120 + 540 });
  });

  it('counts an open step past its norm to the making of the report, and one still within it not at all', () => {
    const late = step(1, { endedAt: null, breached: false, normDueAt: '2026-01-15T11:59:00.000Z' });
    const inTime = step(2, { endedAt: null, breached: false, step: 'p3', normDueAt: '2026-01-15T12:01:00.000Z' });
    const r = composeReport(QUERY, rows([late, inTime]), 'counter', false, NOW);
    expect(r.breaches).toEqual([expect.objectContaining({ caseNumber: late.caseNumber, endedAt: null, overSeconds: 60 })]);
    expect(r.norms).toEqual([{ regulationId: 's1-aktobe-285', step: 'p2', norm: { max: 2, unit: 'minutes' }, count: 0, medianSeconds: null, p90Seconds: null, breaches: 1 }]);
  });

  it('gives an empty period nulls and zero shares, and every day of it', () => {
    const r = Report.parse(composeReport({ ...QUERY, period: 'week', to: '2026-01-21' }, rows([]), 'counter', true, NOW));
    expect(r.queue.total).toEqual({ issued: 0, served: 0, noShow: 0, unserved: 0, waitMedianSeconds: null, waitP90Seconds: null, serviceMedianSeconds: null, serviceP90Seconds: null });
    expect(r.survey.questions[0]!.answers.map((a) => a.share)).toEqual([0, 0, 0]);
    expect(r.queue.byDay.map((d) => d.day)).toEqual(['2026-01-15', '2026-01-16', '2026-01-17', '2026-01-18', '2026-01-19', '2026-01-20', '2026-01-21']);
    expect(r.cases.byStatus).toEqual({ inProgress: 0, waitingTarget: 0, refused: 0, resultReady: 0, issued: 0 });
  });
});
