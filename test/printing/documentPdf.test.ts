/** The printed documents and tickets as PDF, read back with poppler: the letters, the paper, the mark, the bytes. */
import { describe, expect, it } from 'vitest';
import { documentPdf } from '../../src/core/printing/documentPdf';
import { A4, THERMAL_WIDTH, loadPrintFonts } from '../../src/core/printing/pdfDocument';
import { ticketPdf } from '../../src/core/printing/ticketPdf';
import type { PrintedDocument } from '../../src/shared/cases';
import { pdfInfo, pdfText, pdfToPng } from './poppler';

const fonts = loadPrintFonts(new URL('../../resources/', import.meta.url).pathname);
/** Every letter of the Kazakh alphabet that Russian lacks, both cases, in the applicant's words. */
const KAZAKH_LETTERS = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';

const receipt: PrintedDocument = {
  kind: 'receipt',
  locale: 'kk',
  title: 'Құжаттарды қабылдау туралы қолхат',
  subtitle: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы',
  fields: [
    { label: 'Өтініш нөмірі', value: 'ЕС-000042' },
    { label: 'Өтініш беруші', value: 'Әлібекова Гүлнұр Қайратқызы' },
    { label: 'Әріптер', value: KAZAKH_LETTERS },
  ],
  paragraphs: ['Құжаттар толық қабылданды; нәтиже 2026 жылғы 29 қаңтар дайын болады. Һ әрпі де, Ү әрпі де дұрыс шығуы керек.'],
  list: { heading: 'Қабылданған құжаттар', items: ['Өтініш', 'Жеке басын куәландыратын құжат'] },
  signatures: ['Оператордың қолы', 'Өтініш берушінің қолы'],
  pending: false,
  createdAt: '2026-01-15T05:30:00.000Z',
};

describe('a document on paper', () => {
  it('A4: the Kazakh words come back out of the PDF letter for letter, on one A4 page', async () => {
    const pdf = await documentPdf(receipt, { paper: 'a4', fonts, training: false });
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ pages: 1 });
    expect(info.width).toBeCloseTo(A4[0], 1);
    expect(info.height).toBeCloseTo(A4[1], 1);
    const text = pdfText(pdf);
    for (const s of [receipt.title, receipt.subtitle, 'Әлібекова Гүлнұр Қайратқызы', KAZAKH_LETTERS, 'Жеке басын куәландыратын құжат', 'Өтініш берушінің қолы']) {
      expect(text).toContain(s);
    }
    // The time printed is the branch's (UTC+5).
    expect(text).toContain('15.01.2026 10:30');
    expect(text).not.toContain('ОҚУ РЕЖИМІ');
    pdfToPng(pdf, 'receipt-a4');
  });

  it('80 mm thermal: the page is 226.77 pt wide and as long as its content, the words all there', async () => {
    const pdf = await documentPdf(receipt, { paper: 'thermal80', fonts, training: false });
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(info.width).toBeCloseTo(THERMAL_WIDTH, 1);
    expect(info.height).toBeGreaterThan(150);
    expect(info.height).toBeLessThan(A4[1]);
    // Words wrap on the narrow roll, so compare without the line breaks.
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Әлібекова Гүлнұр Қайратқызы');
    expect(text).toContain(KAZAKH_LETTERS);
    pdfToPng(pdf, 'receipt-thermal80');

    const longer = await documentPdf({ ...receipt, paragraphs: [...receipt.paragraphs, ...receipt.paragraphs, ...receipt.paragraphs] }, { paper: 'thermal80', fonts, training: false });
    expect(pdfInfo(longer).height).toBeGreaterThan(info.height);
  });

  it('the same document gives the same bytes; another moment gives another file', async () => {
    const a = await documentPdf(receipt, { paper: 'a4', fonts, training: false });
    const b = await documentPdf(receipt, { paper: 'a4', fonts, training: false });
    expect(b.equals(a)).toBe(true);
    expect(pdfInfo(a).creationDate).toMatch(/^2026-01-15T05:30:00/);
    const later = await documentPdf({ ...receipt, createdAt: '2026-01-15T05:31:00.000Z' }, { paper: 'a4', fonts, training: false });
    expect(later.equals(a)).toBe(false);
  });

  it('in training every page carries the mark, A4 and thermal', async () => {
    for (const paper of ['a4', 'thermal80'] as const) {
      const pdf = await documentPdf(receipt, { paper, fonts, training: true });
      expect(pdfText(pdf)).toContain('ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ / TRAINING');
      pdfToPng(pdf, `receipt-${paper}-training`);
    }
  });
});

describe('a queue ticket', () => {
  const ticket = {
    id: 7, number: 'A007', group: 'A', priority: null, regulationId: 's1-aktobe-285', state: 'waiting' as const, window: null, recalls: 0,
    issuedAt: '2026-01-15T04:05:00.000Z', calledAt: null, serviceStartedAt: null, finishedAt: null, caseId: null, transfers: 0, version: 1,
  };
  const service = { kk: 'Үйде оқытуға құжаттар қабылдау', ru: 'Прием документов для обучения на дому' };

  it('is 80 mm wide, the number, group, service, time and what to do next on it', async () => {
    const pdf = await ticketPdf({ ticket, peopleAhead: 4, estimatedWaitMinutes: 25, service }, { fonts, training: false });
    const info = pdfInfo(pdf);
    expect(info.width).toBeCloseTo(THERMAL_WIDTH, 1);
    expect(info.height).toBeLessThan(400);
    const text = pdfText(pdf);
    for (const s of ['A007', 'Группа A', service.kk, service.ru, '15.01.2026 09:05', 'Перед вами: 4', '~25 мин', 'Нөміріңіз таблода шақырылғанша күтіңіз.']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('Окно');
    pdfToPng(pdf, 'ticket');
  });

  it('called: shows the window instead of the people ahead; training is marked', async () => {
    const pdf = await ticketPdf({ ticket: { ...ticket, state: 'called', window: '3' }, peopleAhead: 0, estimatedWaitMinutes: 0, service: null }, { fonts, training: true });
    const text = pdfText(pdf);
    expect(text).toContain('Окно: 3');
    expect(text).not.toContain('Перед вами');
    expect(text).toContain('ОҚУ РЕЖИМІ');
  });
});
