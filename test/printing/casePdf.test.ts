/**
 * Printing through the contract on a real workstation core: a case's receipt made once, kept
 * sealed with the case and reprinted byte for byte, each print in the audit log; a queue ticket
 * for the kiosk's printer.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import { databasePath } from '../../src/core/workstation';
import { openCounter, S1_DOCUMENTS } from '../support/counter';
import { signRequest } from '../support/signing';
import type { TestCore } from '../support/workstation';
import { pdfInfo, pdfText, pdfToPng } from './poppler';

let core: TestCore;
afterEach(() => core?.dispose());


async function forwardedCase() {
  let v = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
  v = await core.call('cases.handOver', { caseId: v.id, version: v.version, documents: S1_DOCUMENTS }, 'counter-1');
  v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: TRAINING_PEOPLE[0]!.iin, representative: null }, 'counter-1');
  await signRequest(core, v.id);
  return core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
}

const bytes = (f: { base64: string }) => Buffer.from(f.base64, 'base64');

function printedRows(dataDir: string) {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT case_id, kind, paper, sha256, size, body_enc FROM printed_pdfs ORDER BY id').all() as {
      case_id: number; kind: string; paper: string; sha256: string; size: number; body_enc: Buffer;
    }[];
  } finally {
    db.close();
  }
}

describe('cases.documentPdf', () => {
  it('renders the receipt once, keeps it sealed with the case, and reprints the same bytes', async () => {
    core = await openCounter();
    const v = await forwardedCase();
    const first = await core.call('cases.documentPdf', { caseId: v.id, kind: 'receipt', paper: 'a4' }, 'counter-1');
    expect(first).toMatchObject({ mime: 'application/pdf', filename: `${v.number}-receipt-a4.pdf` });
    const pdf = bytes(first);
    const text = pdfText(pdf);
    expect(text).toContain('Құжаттарды қабылдау туралы қолхат');
    expect(text).toContain('Сәрсенов Ерлан Қайратұлы');
    expect(text).toContain(v.number);
    expect(text).not.toContain('ОҚУ РЕЖИМІ');
    pdfToPng(pdf, 'case-receipt-a4');

    // Time passes; the reprint is still the file handed over, not a new rendering.
    core.clock.advance(3_600_000);
    const again = await core.call('cases.documentPdf', { caseId: v.id, kind: 'receipt', paper: 'a4' }, 'counter-1');
    expect(bytes(again).equals(pdf)).toBe(true);

    const thermal = bytes(await core.call('cases.documentPdf', { caseId: v.id, kind: 'receipt', paper: 'thermal80' }, 'counter-1'));
    expect(pdfInfo(thermal).width).toBeCloseTo(226.77, 1);

    const rows = printedRows(core.dataDir);
    expect(rows.map((r) => [r.case_id, r.kind, r.paper])).toEqual([[v.id, 'receipt', 'a4'], [v.id, 'receipt', 'thermal80']]);
    expect(rows[0]!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(rows[0]!.size).toBe(pdf.length);
    // Sealed: neither the PDF's header nor its bytes are in the database in clear.
    expect(rows[0]!.body_enc.includes(Buffer.from('%PDF'))).toBe(false);
    expect(rows[0]!.body_enc.includes(pdf.subarray(0, 64))).toBe(false);

    // Still the same file after the workstation restarts (the key unseals it).
    core.reopen();
    await core.call('auth.login', { login: 'operator1', password: 'Оператор-құпиясөзі-2026' }, 'counter-1');
    expect(bytes(await core.call('cases.documentPdf', { caseId: v.id, kind: 'receipt', paper: 'a4' }, 'counter-1')).equals(pdf)).toBe(true);

    expect(core.auditActions().filter((a) => a === 'cases.documentPrinted')).toHaveLength(4);
    const db = new Database(databasePath(core.dataDir), { readonly: true });
    const details = (db.prepare("SELECT detail FROM audit WHERE action = 'cases.documentPrinted' ORDER BY id").all() as { detail: string }[]).map((r) => JSON.parse(r.detail));
    db.close();
    expect(details.map((d) => [d.paper, d.reprint])).toEqual([['a4', false], ['a4', true], ['thermal80', false], ['a4', true]]);
    expect(details[1].sha256).toBe(rows[0]!.sha256);
  });

  it('a document the case does not have is NOT_FOUND; an operator is needed', async () => {
    core = await openCounter();
    const v = await forwardedCase();
    expect((await core.fail('cases.documentPdf', { caseId: v.id, kind: 'refusalDocuments', paper: 'a4' }, 'counter-1')).code).toBe('NOT_FOUND');
    expect((await core.fail('cases.documentPdf', { caseId: 9999, kind: 'receipt', paper: 'a4' }, 'counter-1')).code).toBe('NOT_FOUND');
    expect((await core.fail('cases.documentPdf', { caseId: v.id, kind: 'receipt', paper: 'a4' }, 'stranger')).code).not.toBe('NOT_FOUND');
    expect((await core.fail('cases.documentPdf', { caseId: v.id, kind: 'receipt', paper: 'a5' }, 'counter-1')).code).toBe('VALIDATION');
  });

  it('in training mode the printed receipt is marked as training', async () => {
    core = await openCounter({ training: true });
    const v = await forwardedCase();
    const pdf = bytes(await core.call('cases.documentPdf', { caseId: v.id, kind: 'receipt', paper: 'thermal80' }, 'counter-1'));
    expect(pdfText(pdf)).toContain('ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ / TRAINING');
    pdfToPng(pdf, 'case-receipt-thermal80-training');
  });
});

describe('queue.ticketPdf', () => {
  it('prints a kiosk ticket on 80 mm with its number and service, for a caller with no session', async () => {
    core = await openCounter();
    const kiosk = await core.call('queue.kiosk', {}, 'kiosk');
    const group = kiosk.groups[0]!;
    const issued = await core.call('queue.issue', { group: group.group, priority: null, regulationId: group.services[0]!.regulationId }, 'kiosk');
    const file = await core.call('queue.ticketPdf', { ticketId: issued.ticket.id }, 'kiosk');
    expect(file).toMatchObject({ mime: 'application/pdf', filename: `ticket-${issued.ticket.number}.pdf` });
    const pdf = bytes(file);
    expect(pdfInfo(pdf).width).toBeCloseTo(226.77, 1);
    const text = pdfText(pdf);
    expect(text).toContain(issued.ticket.number);
    expect(text.replace(/\s+/g, ' ')).toContain(group.services[0]!.title.kk);
    expect(text).toContain(`Перед вами: ${issued.peopleAhead}`);
    expect((await core.fail('queue.ticketPdf', { ticketId: 424242 }, 'kiosk')).code).toBe('NOT_FOUND');
  });
});
