import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../shared/cases';
import { PERIODS, SURVEY_QUESTIONS } from '../../shared/reports/report';
import { LOCALES } from '../../shared/schemas';
import { catalogs } from './catalog';
import branchKk from './branch.kk.json';
import gatewayKk from './gateway.kk.json';
import kk from './kk.json';
import queueKk from './queue.kk.json';
import reportsKk from './reports.kk.json';
import reportsRu from './reports.ru.json';
import reportsEn from './reports.en.json';
import scansKk from './scans.kk.json';

// The reports' sentences live in files of their own (reports.*.json), merged in catalog.ts.
describe('the reports catalogues', () => {
  it('do not silently replace a sentence of the other catalogues', () => {
    const others = { ...kk, ...queueKk, ...gatewayKk, ...scansKk, ...branchKk };
    expect(Object.keys(reportsKk).filter((key) => key in others)).toEqual([]);
  });

  it('have the same keys in the three languages', () => {
    expect(Object.keys(reportsRu).sort()).toEqual(Object.keys(reportsKk).sort());
    expect(Object.keys(reportsEn).sort()).toEqual(Object.keys(reportsKk).sort());
  });

  it.each(LOCALES)('%s names every period, case status, survey question and answer the screen shows', (locale) => {
    const keys = [
      'nav.reports',
      ...PERIODS.map((period) => `reports.period.${period}`),
      ...CASE_STATUSES.map((status) => `status.${status}`),
      ...SURVEY_QUESTIONS.flatMap((question) => [`survey.q.${question}`, `survey.short.${question}`]),
      ...[1, 2, 3].map((value) => `survey.answer.${value}`),
    ];
    expect(keys.filter((key) => !(key in catalogs[locale]))).toEqual([]);
  });
});
