/**
 * A queue ticket for the kiosk's or the reception's 80 mm printer: the number large, the group
 * and service, when it was taken, the window once called, and what to do next — in Kazakh, then
 * Russian (the person at the kiosk has chosen no language). A ticket carries no personal data.
 */
import type { Ticket } from '../../shared/queue';
import { localTime } from './documentPdf';
import { thermalPdf, type PrintFonts } from './pdfDocument';

export interface TicketContent {
  ticket: Ticket;
  /** Known when the ticket is this counter's own; the branch's tickets are printed without it. */
  peopleAhead: number | null;
  estimatedWaitMinutes: number | null;
  service: { kk: string; ru: string } | null;
}

export function ticketPdf(c: TicketContent, o: { fonts: PrintFonts; training: boolean }): Promise<Buffer> {
  const t = c.ticket;
  return thermalPdf(
    { fonts: o.fonts, createdAt: new Date(t.issuedAt), title: t.number, lang: 'kk', training: o.training, margin: 10 },
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      const line = (text: string, size: number, bold = false, align: 'center' | 'left' = 'center') =>
        doc.font(bold ? 'bold' : 'regular').fontSize(size).text(text, left, doc.y, { width, align });

      line('Кезек талоны · Талон очереди', 9, true);
      doc.moveDown(0.2);
      line(t.number, 44, true);
      line(`Топ · Группа ${t.group}`, 9);
      if (c.service) {
        doc.moveDown(0.3);
        line(c.service.kk, 8, true);
        line(c.service.ru, 8);
      }
      doc.moveDown(0.4);
      line(`Берілді · Выдан: ${localTime(t.issuedAt)}`, 8);
      if (t.window) {
        line(`Терезе · Окно: ${t.window}`, 12, true);
      } else if (c.peopleAhead !== null) {
        line(`Алдыңызда · Перед вами: ${c.peopleAhead}`, 8);
        if (c.estimatedWaitMinutes !== null) line(`Күту · Ожидание: ~${c.estimatedWaitMinutes} мин`, 8);
      }
      doc.moveDown(0.6);
      line('Нөміріңіз таблода шақырылғанша күтіңіз.', 8);
      line('Ожидайте вызова вашего номера на табло.', 8);
    },
  );
}
