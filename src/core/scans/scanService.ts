/**
 * The scans of a case, by the act's required documents: taken from a file, the scanner's hot
 * folder or SANE, recognised by their bytes, kept encrypted in the vault with their metadata
 * and sealed thumbnail in SQLite; listed against the act's checklist, drawn for the viewer,
 * turned, put in order and removed while the request is not yet signed. Scans of a registered
 * case are purged once the retention period has passed.
 */
import { AppError } from '../../shared/errors';
import type { CaseScans, ScanSource, ScanView } from '../../shared/scans';
import type { OperatorRecord } from '../auth/operatorStore';
import { iso } from '../clock';
import type { CaseReader } from '../cases/caseReader';
import type { CaseRecord } from '../cases/caseStore';
import type { Catalog } from '../regulations/catalog';
import type { Services } from '../services';
import { CannotDraw, drawPage, thumbnail } from './images';
import { MAX_SCAN_PAGES, countPdfPages, recogniseScan } from './recognise';
import type { Scanner } from './sane';
import type { Rotation, ScanRecord, ScanStore } from './scanStore';
import type { ScanVault } from './scanVault';
import { RemovalHold } from './removalHold';
import { logLine } from '../dispatch';

export interface ScanServiceDeps {
  services: Services;
  store: ScanStore;
  vault: ScanVault;
  cases: CaseReader;
  catalog: Catalog;
  scanner: Scanner;
  hotFolder: string | null;
  /**
   * Whether a case's scans are fixed. For now: the counter part is done (the request went with
   * its signature); the signing integration narrows it to "signed, and the counter part done".
   */
  locked(record: CaseRecord): boolean;
}

const DAY_MS = 86_400_000;
const refuse = (path: string, reason: string) => new AppError({ code: 'VALIDATION', issues: [{ path, reason }] });

/** Runs work one at a time per key: a vault file is never removed while a scan is being stored in it. */
class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

export type HotFolderOutcome = { kind: 'taken'; caseId: number } | { kind: 'wait' } | { kind: 'refused'; reason: string };

export class ScanService {
  private readonly names = new KeyedLock();
  /** Taken by a backup while it copies: see removalHold.ts. */
  readonly removals = new RemovalHold();
  /** Who looked at which case's scans, newest last: where the hot folder's pages go. */
  private readonly listed: { clientId: string; operatorId: number; caseId: number }[] = [];

  constructor(private readonly d: ScanServiceDeps) {}

  private get s() {
    return this.d.services;
  }

  private caseOf(caseId: number): CaseRecord {
    const record = this.d.cases.get(caseId);
    if (!record) throw new AppError('NOT_FOUND');
    return record;
  }

  private documentsOf(record: CaseRecord) {
    return this.d.catalog.get(record.regulationId)?.requiredDocuments ?? [];
  }

  private assertOpen(record: CaseRecord) {
    if (this.d.locked(record)) throw new AppError('SCANS_LOCKED');
  }

  private scanOf(scanId: number): ScanRecord {
    const scan = this.d.store.get(scanId);
    if (!scan) throw new AppError('NOT_FOUND');
    return scan;
  }

  static view(scan: ScanRecord): ScanView {
    return {
      id: scan.id,
      caseId: scan.caseId,
      documentId: scan.documentId,
      page: scan.page,
      type: scan.type,
      size: scan.size,
      sha256: scan.sha256,
      pages: scan.pages,
      rotation: scan.rotation,
      source: scan.source,
      thumbnail: scan.thumbnail,
      createdAt: scan.createdAt,
    };
  }

  private caseScans(record: CaseRecord): CaseScans {
    const documents = this.documentsOf(record);
    const order = new Map(documents.map((doc, i) => [doc.id, i]));
    const scans = this.d.store
      .byCase(record.id)
      .sort((a, b) => (order.get(a.documentId) ?? 99) - (order.get(b.documentId) ?? 99) || a.page - b.page);
    const pages = new Map<string, number>();
    for (const scan of scans) pages.set(scan.documentId, (pages.get(scan.documentId) ?? 0) + scan.pages);
    return {
      scans: scans.map(ScanService.view),
      checklist: documents.map((doc) => ({ documentId: doc.id, title: doc.title, optional: doc.optional, scans: pages.get(doc.id) ?? 0 })),
      locked: this.d.locked(record),
    };
  }

  /**
   * Removes the vault file once no scan still there uses it. Runs under the name's lock, so a scan
   * of the same content stored meanwhile keeps its file. While a backup copies the data folder the
   * removal waits for it (removalHold.ts) — without holding up the call that asked for it.
   */
  private releaseFile(name: string): Promise<void> {
    if (this.removals.held) {
      void this.removals
        .free()
        .then(() => this.releaseFile(name))
        .catch((err: unknown) => logLine(`scan file removal after a backup: ${(err as Error).message}`));
      return Promise.resolve();
    }
    return this.names.run(name, async () => {
      if (this.d.store.references(name) === 0) await this.d.vault.remove(name);
    });
  }

  /**
   * At start: clears what a crash left half-written, and the files of scans removed or purged
   * whose own removal a kill or power cut interrupted (the row was marked, the file was not yet
   * gone — or a backup was holding it). Each goes through releaseFile, which counts the scan's
   * users again under the name's lock, so a scan stored meanwhile keeps its file.
   */
  async tidyVault(): Promise<{ partials: number; orphans: number }> {
    const partials = await this.d.vault.sweepPartials();
    const live = this.d.store.liveNames();
    const orphans = (await this.d.vault.storedNames()).filter((name) => !live.has(name));
    for (const name of orphans) await this.releaseFile(name);
    return { partials, orphans: orphans.length };
  }

  // ---- the operator's calls ----

  list(caseId: number, clientId: string, operator: OperatorRecord): CaseScans {
    const record = this.caseOf(caseId);
    this.listed.push({ clientId, operatorId: operator.id, caseId });
    if (this.listed.length > 100) this.listed.splice(0, this.listed.length - 100);
    return this.caseScans(record);
  }

  /**
   * Takes one scan: its bytes recognised (never its name), the case open for changes, the
   * document on the act's list. `once`: a scan already in the case is not added again (the hot
   * folder after a crash between storing a file and moving it away).
   */
  async add(
    input: { caseId: number; documentId: string; source: ScanSource; content: Uint8Array },
    operator: OperatorRecord,
    options: { once?: boolean } = {},
  ): Promise<ScanRecord> {
    const { caseId, documentId, source, content } = input;
    const record = this.caseOf(caseId);
    this.assertOpen(record);
    if (!this.documentsOf(record).some((doc) => doc.id === documentId)) throw refuse('documentId', 'scan.unknownDocument');
    const recognised = recogniseScan(content);
    if (!recognised.ok) throw refuse('content', `scan.${recognised.refusal}`);
    const { type } = recognised;
    // While the content is hashed, encrypted and written, a PDF's pages are counted and the
    // thumbnail is drawn (on the thread pool).
    const [pages, thumb, sealed] = await Promise.all([
      type === 'pdf' ? countPdfPages(content) : 1,
      thumbnail(content, type),
      this.d.vault.seal(content),
    ]);
    if (pages > MAX_SCAN_PAGES) {
      await this.d.vault.discard(sealed);
      throw refuse('content', 'scan.tooManyPages');
    }
    const { name, sha256 } = sealed;
    return this.names.run(name, async () => {
      await this.d.vault.place(sealed);
      try {
        return this.s.db.transaction(() => {
          // The case may have been signed while the bytes were being written.
          this.assertOpen(this.caseOf(caseId));
          if (options.once && this.d.store.hasInCase(caseId, sha256)) {
            return this.d.store.byCase(caseId).find((s) => s.sha256 === sha256)!;
          }
          const scan = this.d.store.insert({
            caseId, documentId, type, size: content.length, sha256, vaultName: name, pages, source,
            thumbnail: thumb, createdAt: iso(this.s.clock.now()), createdBy: operator.id,
          });
          this.s.audit.append({
            actorId: operator.id, action: 'scans.added', subject: `case:${caseId}`,
            detail: { scanId: scan.id, documentId, type, size: content.length, pages, source },
          });
          return scan;
        }).immediate();
      } catch (err) {
        // Nothing refers to a file written for a scan that was not kept.
        if (this.d.store.references(name) === 0) await this.d.vault.remove(name);
        throw err;
      }
    });
  }

  /** The page for the viewer. The bytes are checked whole before anything is drawn. */
  async view(scanId: number, width: number, operator: OperatorRecord) {
    const scan = this.scanOf(scanId);
    const content = await this.d.vault.get(scan.vaultName);
    try {
      const page = await drawPage(content, scan.type, width, scan.rotation);
      this.s.audit.append({ actorId: operator.id, action: 'scans.viewed', subject: `case:${scan.caseId}`, detail: { scanId } });
      return page;
    } catch (err) {
      if (err instanceof CannotDraw) throw refuse('scanId', 'scan.cannotDraw');
      throw err;
    }
  }

  rotate(scanId: number, rotation: Rotation, operator: OperatorRecord): ScanView {
    return this.s.db.transaction(() => {
      const scan = this.scanOf(scanId);
      this.assertOpen(this.caseOf(scan.caseId));
      this.d.store.setRotation(scanId, rotation);
      this.s.audit.append({ actorId: operator.id, action: 'scans.rotated', subject: `case:${scan.caseId}`, detail: { scanId, rotation } });
      return ScanService.view({ ...scan, rotation });
    }).immediate();
  }

  reorder(caseId: number, documentId: string, order: number[], operator: OperatorRecord): CaseScans {
    return this.s.db.transaction(() => {
      const record = this.caseOf(caseId);
      this.assertOpen(record);
      const current = this.d.store.idsOfDocument(caseId, documentId);
      const same = order.length === current.length && new Set(order).size === order.length && order.every((id) => current.includes(id));
      if (!same) throw refuse('order', 'scan.orderMismatch');
      this.d.store.reorder(order);
      this.s.audit.append({ actorId: operator.id, action: 'scans.reordered', subject: `case:${caseId}`, detail: { documentId, order } });
      return this.caseScans(record);
    }).immediate();
  }

  async remove(scanId: number, operator: OperatorRecord): Promise<CaseScans> {
    const { scan, scans } = this.s.db.transaction(() => {
      const scan = this.scanOf(scanId);
      const record = this.caseOf(scan.caseId);
      this.assertOpen(record);
      this.d.store.remove(scan, iso(this.s.clock.now()), operator.id);
      this.s.audit.append({ actorId: operator.id, action: 'scans.removed', subject: `case:${scan.caseId}`, detail: { scanId, documentId: scan.documentId } });
      return { scan, scans: this.caseScans(record) };
    }).immediate();
    await this.releaseFile(scan.vaultName);
    return scans;
  }

  async fromScanner(caseId: number, documentId: string, operator: OperatorRecord): Promise<ScanView> {
    // Refused before the scanner moves: no page is scanned for a case that cannot take it.
    this.assertOpen(this.caseOf(caseId));
    let png: Buffer;
    try {
      png = await this.d.scanner.scan();
    } catch {
      throw new AppError('SCANNER_UNAVAILABLE');
    }
    return ScanService.view(await this.add({ caseId, documentId, source: 'scanner', content: png }, operator));
  }

  async capabilities() {
    return { scanner: await this.d.scanner.available(), hotFolder: this.d.hotFolder };
  }

  // ---- the hot folder ----

  /**
   * The case the hot folder's pages go to: among the cases whose scans the operator last looked
   * at (in a session still open and unlocked), the newest one not yet signed; the page goes to
   * the first required document without a scan.
   */
  hotFolderTarget(): { caseId: number; documentId: string; operator: OperatorRecord } | null {
    const latest = [...this.listed].reverse().find((e) => {
      const session = this.s.sessions.get(e.clientId);
      return session && session.operatorId === e.operatorId && !session.locked;
    });
    if (!latest) return null;
    const operator = this.s.operators.byId(latest.operatorId);
    if (!operator || operator.disabled) return null;
    const seen = new Set<number>();
    for (const e of [...this.listed].reverse()) {
      if (e.operatorId !== latest.operatorId || seen.has(e.caseId)) continue;
      seen.add(e.caseId);
      const record = this.d.cases.get(e.caseId);
      if (!record || this.d.locked(record)) continue;
      const documents = this.documentsOf(record);
      if (documents.length === 0) continue;
      const scans = this.d.store.byCase(record.id);
      const has = new Set(scans.map((s) => s.documentId));
      const missing = documents.find((doc) => !doc.optional && !has.has(doc.id)) ?? documents.find((doc) => !has.has(doc.id));
      // Everything has a page: another page most likely continues the document scanned last.
      const last = scans.reduce<ScanRecord | undefined>((a, b) => (!a || b.id > a.id ? b : a), undefined);
      const documentId = missing?.id ?? last?.documentId ?? documents[0]!.id;
      return { caseId: record.id, documentId, operator };
    }
    return null;
  }

  /** A whole file from the hot folder: attached to the target case, or left waiting, or refused. */
  async takeFromHotFolder(content: Uint8Array): Promise<HotFolderOutcome> {
    const target = this.hotFolderTarget();
    if (!target) return { kind: 'wait' };
    try {
      await this.add({ caseId: target.caseId, documentId: target.documentId, source: 'hotFolder', content }, target.operator, { once: true });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.data.code === 'VALIDATION') return { kind: 'refused', reason: err.data.issues?.[0]?.reason ?? 'scan.invalid' };
      // Signed or gone in the meantime: the file waits for the next case.
      return { kind: 'wait' };
    }
    this.s.emit('*', 'scans.changed', { caseId: target.caseId });
    return { kind: 'taken', caseId: target.caseId };
  }

  // ---- retention ----

  /**
   * Purges the scans of registered cases taken longer ago than the retention period: the rows
   * are marked at once (and the purge audited); the vault files no other scan uses are removed
   * after, one by one. Resolves when the files are gone.
   */
  purge(): { count: number; done: Promise<void> } {
    const days = this.d.store.settings().retentionDays;
    const nowMs = this.s.clock.now();
    const due = this.d.store.toPurge(iso(nowMs - days * DAY_MS));
    if (due.length === 0) return { count: 0, done: Promise.resolve() };
    this.s.db.transaction(() => {
      for (const row of due) this.d.store.markPurged(row.id, iso(nowMs));
      this.s.audit.append({ actorId: null, action: 'scans.purged', detail: { count: due.length, retentionDays: days } });
    }).immediate();
    for (const caseId of new Set(due.map((r) => r.case_id))) this.s.emit('*', 'scans.changed', { caseId });
    const done = Promise.all([...new Set(due.map((r) => r.vault_name))].map((name) => this.releaseFile(name))).then(() => undefined);
    return { count: due.length, done };
  }
}
