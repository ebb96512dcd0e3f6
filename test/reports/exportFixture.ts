/** A week's report with known figures, Kazakh words in it, and text that looks like a formula. */
import { Report } from '../../src/shared/reports/report';

export const TITLES: Record<string, string> = {
  's1-aktobe-285': 'Мүгедек балаларды үйде оқытуға жұмсалған шығындарды өтеу',
  's2-birth-registration': 'Баланың тууын тіркеу, оның ішінде ҚР АХАЖ актілік жазбаларына өзгерістер енгізу',
};
export const titleOf = (id: string) => TITLES[id] ?? id;

/** Parsed by the contract's schema, so the fixture cannot drift from the shape the core returns. */
export const WEEK: Report = Report.parse({
  query: { period: 'week', from: '2026-12-01', to: '2026-12-07' },
  scope: 'counter',
  training: false,
  generatedAt: '2026-12-07T13:00:00.000Z',
  norms: [
    { regulationId: 's1-aktobe-285', step: 'p2', norm: { max: 15, unit: 'minutes' }, count: 40, medianSeconds: 512.5, p90Seconds: 880, breaches: 3 },
    { regulationId: 's2-birth-registration', step: 'p5', norm: { min: 30, max: 60, unit: 'seconds' }, count: 12, medianSeconds: 41, p90Seconds: 75.25, breaches: 2 },
    { regulationId: 's2-birth-registration', step: 'p6', norm: null, count: 0, medianSeconds: null, p90Seconds: null, breaches: 0 },
  ],
  breaches: [
    { caseNumber: 'А-20261202-0007', regulationId: 's1-aktobe-285', step: 'p2', operator: 'operator1', startedAt: '2026-12-02T04:00:00.000Z', endedAt: '2026-12-02T04:25:00.000Z', normDueAt: '2026-12-02T04:15:00.000Z', overSeconds: 600 },
    { caseNumber: 'А-20261203-0002', regulationId: 's2-birth-registration', step: 'p5', operator: null, startedAt: '2026-12-03T05:00:00.000Z', endedAt: null, normDueAt: '2026-12-03T05:01:00.000Z', overSeconds: 95.5 },
  ],
  breachesTotal: 5,
  cases: { total: 57, byStatus: { inProgress: 5, waitingTarget: 2, refused: 9, resultReady: 11, issued: 30 } },
  refusals: {
    total: 9,
    byReason: [
      { reason: { kk: 'Құжаттардың толық топтамасы ұсынылмады', ru: 'Не представлен полный пакет документов' }, count: 6 },
      // A reason someone typed that a spreadsheet would run as a formula.
      { reason: { kk: '=HYPERLINK("http://example.invalid";"Ашу")', ru: '=HYPERLINK("http://example.invalid";"Открыть")' }, count: 2 },
      { reason: { kk: 'Өтініш беруші; "ЖТ МДҚ" деректері жоқ', ru: 'Нет данных; "ГБД ФЛ"' }, count: 1 },
    ],
    byAct: [{ regulationId: 's1-aktobe-285', count: 7 }, { regulationId: 's2-birth-registration', count: 2 }],
  },
  survey: {
    answered: 20,
    questions: [
      { question: 'processQuality', answers: [{ value: 1, count: 2, share: 0.1 }, { value: 2, count: 3, share: 0.15 }, { value: 3, count: 15, share: 0.75 }] },
      { question: 'informationQuality', answers: [{ value: 1, count: 1, share: 0.05 }, { value: 2, count: 4, share: 0.2 }, { value: 3, count: 15, share: 0.75 }] },
    ],
  },
  queue: {
    total: { issued: 500, served: 430, noShow: 50, unserved: 20, waitMedianSeconds: 420, waitP90Seconds: 1260.5, serviceMedianSeconds: 600, serviceP90Seconds: 1500 },
    byGroup: [
      { group: 'A', issued: 300, served: 260, noShow: 30, unserved: 10, waitMedianSeconds: 400, waitP90Seconds: 1200, serviceMedianSeconds: 580, serviceP90Seconds: 1400 },
      { group: 'B', issued: 200, served: 170, noShow: 20, unserved: 10, waitMedianSeconds: 450.5, waitP90Seconds: 1300, serviceMedianSeconds: 620, serviceP90Seconds: 1600 },
    ],
    byOperator: [
      { operator: 'operator1', issued: 0, served: 250, noShow: 28, unserved: 0, waitMedianSeconds: 410, waitP90Seconds: 1250, serviceMedianSeconds: 590, serviceP90Seconds: 1450 },
      { operator: '@SUM(A1:A9)', issued: 0, served: 180, noShow: 22, unserved: 0, waitMedianSeconds: 430, waitP90Seconds: 1270, serviceMedianSeconds: 610, serviceP90Seconds: 1550 },
    ],
    byDay: [
      { day: '2026-12-01', issued: 100, served: 90, noShow: 8 },
      { day: '2026-12-02', issued: 400, served: 340, noShow: 42 },
    ],
  },
  byService: [
    { regulationId: 's1-aktobe-285', cases: 40, refused: 7, issued: 22, breaches: 3 },
    { regulationId: 's2-birth-registration', cases: 17, refused: 2, issued: 8, breaches: 2 },
  ],
  byOperator: [{ operator: 'operator1', cases: 57, refused: 9, breaches: 5 }],
});
