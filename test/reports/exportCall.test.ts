/** reports.export through the contract on a real core: the file carries the figures reports.get gives. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import { OPERATOR_PASSWORD, openCounter, S1_DOCUMENTS } from '../support/counter';
import { makeIin } from '../support/iins';
import { signRequest } from '../support/signing';
import type { TestCore } from '../support/workstation';
import { pdfText } from '../printing/poppler';

let core: TestCore;
const SUPERVISOR = { login: 'supervisor1', fullName: 'Гүлмира Сәкенқызы Оспанова', iin: makeIin('790304', '4', 31), password: 'Басшыға-уақытша-1' };

beforeAll(async () => {
  core = await openCounter({ training: true });
  await core.call('operators.create', { ...SUPERVISOR, role: 'supervisor' }, 'admin');
  await core.call('auth.login', { login: SUPERVISOR.login, password: SUPERVISOR.password }, 'supervisor');
  await core.call('auth.changePassword', { current: SUPERVISOR.password, next: OPERATOR_PASSWORD + '-б' }, 'supervisor');
  // Two cases: one forwarded, one refused at hand-over for a missing document.
  for (const documents of [S1_DOCUMENTS, S1_DOCUMENTS.slice(1)]) {
    let v = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
    v = await core.call('cases.handOver', { caseId: v.id, version: v.version, documents }, 'counter-1');
    if (v.status !== 'inProgress') continue;
    v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: TRAINING_PEOPLE[0]!.iin, representative: null }, 'counter-1');
    await signRequest(core, v.id);
    await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
  }
});
afterAll(() => core.dispose());

let day = '';
const today = () => day;

describe('reports.export', () => {
  it('CSV, XLSX and PDF of the day carry the figures of reports.get', async () => {
    // The core's today, as the kiosk is told it.
    day = (await core.call('queue.kiosk', {}, 'kiosk')).day;
    const query = { period: 'day' as const, from: today(), to: today() };
    const report = await core.call('reports.get', query, 'supervisor');
    expect(report.cases.total).toBeGreaterThan(0);

    const csv = await core.call('reports.export', { query, format: 'csv', locale: 'ru' }, 'supervisor');
    expect(csv.filename).toBe(`report-${today()}_${today()}.csv`);
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain(`Всего;${report.cases.total}`);
    expect(lines).toContain('УЧЕБНЫЙ РЕЖИМ — не реальные данные');
    // Steps as the act numbers them, in the act's order: the hand-over first, then process 1.
    const stepCells = lines.map((l) => l.split(';')[1] ?? '').filter((cell) => /^(Сдача документов|Процесс \d+|Условие \d+)$/.test(cell));
    expect(stepCells.slice(0, 2)).toEqual(['Сдача документов', 'Процесс 1']);

    const xlsx = await core.call('reports.export', { query, format: 'xlsx', locale: 'kk' }, 'supervisor');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    let total: unknown;
    book.getWorksheet('Өтініштер')!.eachRow((row) => {
      if (row.getCell(1).value === 'Барлығы' && total === undefined) total = row.getCell(2).value;
    });
    expect(total).toBe(report.cases.total);

    const pdf = await core.call('reports.export', { query, format: 'pdf', locale: 'kk' }, 'supervisor');
    const text = pdfText(Buffer.from(pdf.base64, 'base64'));
    expect(text).toContain('Басшының есебі');
    expect(text).toContain('ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ / TRAINING');
    expect(text).toContain('Мүгедек балаларды үйде оқытуға');
  });

  it('leaves an audit row for every reading, drill-down and export: reports name the operators', async () => {
    const query = { period: 'day' as const, from: today(), to: today() };
    const before = core.auditActions().length;
    await core.call('reports.get', query, 'supervisor');
    await core.call('reports.cases', { query, drill: { figure: 'status', status: 'refused' } }, 'supervisor');
    await core.call('reports.export', { query, format: 'csv', locale: 'kk' }, 'supervisor');
    expect(core.auditActions().slice(before)).toEqual(['reports.read', 'reports.drilled', 'reports.exported']);
  });

  it('is for supervisors: an operator is refused, a bad format is a validation error', async () => {
    const query = { period: 'day' as const, from: today(), to: today() };
    expect((await core.fail('reports.export', { query, format: 'csv', locale: 'kk' }, 'counter-1')).code).toBe('FORBIDDEN');
    expect((await core.fail('reports.export', { query, format: 'docx', locale: 'kk' }, 'supervisor')).code).toBe('VALIDATION');
  });
});
