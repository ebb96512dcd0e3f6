/**
 * Printing for the counter: a case's documents as PDF, made on the first request and kept with the
 * case, so a reprint is byte for byte the file handed over (its SHA-256 is in the audit row); and
 * the queue's tickets, made each time (a ticket is not kept: it says nothing about anyone).
 */
import { createHash } from 'node:crypto';
import type { DocumentKind } from '../../shared/cases';
import { AppError } from '../../shared/errors';
import type { ExportedFile } from '../../shared/reports/report';
import type { OperatorRecord } from '../auth/operatorStore';
import { BranchRefusal, BranchUnreachable } from '../branch/branchClient';
import { iso } from '../clock';
import type { CoreParts } from '../parts';
import type { Services } from '../services';
import { documentPdf, type Paper } from './documentPdf';
import { loadPrintFonts } from './pdfDocument';
import { createPrintedStore, type PrintedKey } from './printedStore';
import { ticketPdf, type TicketContent } from './ticketPdf';

const PDF = 'application/pdf';

export class PrintingService {
  private readonly store;

  constructor(
    private readonly s: Services,
    private readonly p: CoreParts,
  ) {
    this.store = createPrintedStore(s.db, p.cipher);
  }

  private get fonts() {
    return loadPrintFonts(this.p.resourcesDir);
  }

  async documentPdf(caseId: number, kind: DocumentKind, paper: Paper, operator: OperatorRecord): Promise<ExportedFile> {
    const record = this.p.cases.get(caseId);
    const document = record ? this.p.cases.getDocument(caseId, kind) : null;
    if (!record || !document) throw new AppError('NOT_FOUND');
    const key: PrintedKey = { caseId, kind, paper, documentAt: document.createdAt };

    let pdf = this.store.get(key);
    const reprint = pdf !== null;
    if (!pdf) {
      // Rendering is asynchronous (pdfkit streams); the store keeps whichever PDF lands first.
      const bytes = await documentPdf(document, { paper, fonts: this.fonts, training: this.s.training || record.training });
      const made = { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
      this.s.db.transaction(() => this.store.put(key, made, iso(this.s.clock.now()), operator.id)).immediate();
      pdf = this.store.get(key)!;
    }
    // Paper with the applicant's data on it left the counter: who, which document, which file.
    this.s.audit.append({
      actorId: operator.id,
      action: 'cases.documentPrinted',
      subject: `case:${caseId}`,
      detail: { kind, paper, sha256: pdf.sha256, reprint },
    });
    return { filename: `${record.number}-${kind}-${paper}.pdf`, mime: PDF, base64: pdf.bytes.toString('base64') };
  }

  async ticketPdf(ticketId: number): Promise<ExportedFile> {
    const content = await this.ticket(ticketId);
    const bytes = await ticketPdf(content, { fonts: this.fonts, training: this.s.training });
    return { filename: `ticket-${content.ticket.number}.pdf`, mime: PDF, base64: bytes.toString('base64') };
  }

  /** A branch counter's tickets are the branch's while the link is up; its own (the fallback's, or a lone counter's) otherwise. */
  private async ticket(ticketId: number): Promise<TicketContent> {
    const link = this.p.branchLink;
    if (link.configured && link.online) {
      try {
        const ticket = await link.call('queue.get', { ticketId });
        return { ticket, peopleAhead: null, estimatedWaitMinutes: null, service: this.service(ticket.regulationId) };
      } catch (err) {
        if (err instanceof BranchRefusal) throw new AppError('NOT_FOUND');
        if (!(err instanceof BranchUnreachable)) throw err;
      }
    }
    const t = this.p.queueStore.get(ticketId);
    if (!t || t.day !== this.p.today()) throw new AppError('NOT_FOUND');
    const print = this.p.queue.print(t);
    return { ...print, service: this.service(t.regulationId) };
  }

  private service(regulationId: string | null): { kk: string; ru: string } | null {
    const title = regulationId ? this.p.catalog.get(regulationId)?.service.title : undefined;
    return title ? { kk: title.kk, ru: title.ru } : null;
  }
}
