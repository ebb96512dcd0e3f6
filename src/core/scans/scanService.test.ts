import { chmodSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, S1_DOCUMENTS } from '../../../test/support/counter';
import { tempDir } from '../../../test/support/tempDir';
import { databasePath } from '../workstation';
import type { TestCore } from '../../../test/support/workstation';
import { MAX_SCAN_BYTES, MAX_SCAN_PAGES } from '../../shared/scans';
import { TRAINING_PEOPLE } from '../gateway/trainingGateway';
import { TRAINING_PASSWORD } from '../pki/trainingPki';
import type { CaseView } from '../../shared/cases';

let core: TestCore;
const dirs: { remove(): void }[] = [];
afterEach(() => {
  core?.dispose();
  for (const d of dirs.splice(0)) d.remove();
});

const IIN = '900101300007';

/** A real JPEG page, w×h, with a comment segment carrying `note` (a known string to look for). */
async function jpeg(w = 800, h = 1100, note = 'page'): Promise<Buffer> {
  const body = await sharp({ create: { width: w, height: h, channels: 3, background: { r: 250, g: 248, b: 240 } } })
    .composite([{ input: Buffer.from(`<svg width="${w}" height="${h}"><rect x="40" y="40" width="${w / 2}" height="60" fill="black"/></svg>`), top: 0, left: 0 }])
    .jpeg({ quality: 85 })
    .toBuffer();
  const text = Buffer.from(note, 'utf8');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(text.length + 2);
  return Buffer.concat([body.subarray(0, 2), Buffer.from([0xff, 0xfe]), len, text, body.subarray(2)]);
}

/** A PDF with `pages` page objects and the applicant's IIN in plain text. */
function pdf(pages = 1, text = `Жеке куәлік ЖСН ${IIN}`): Buffer {
  const objects = Array.from({ length: pages }, (_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n`).join('');
  return Buffer.from(
    `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count ${pages} >> endobj\n${objects}% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'utf8',
  );
}

/** A PDF 1.5 whose page objects are packed in a compressed object stream. */
function pdfWithObjectStream(pages: number): Buffer {
  const packed = deflateSync(Buffer.from(Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R >>').join('\n')));
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n5 0 obj << /Type /ObjStm /N ${pages} /First 0 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'),
    packed,
    Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

async function openCase(options: Parameters<typeof openCounter>[0] = {}) {
  core = await openCounter(options);
  let v = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
  v = await core.call('cases.handOver', { caseId: v.id, version: v.version, documents: S1_DOCUMENTS }, 'counter-1');
  return v;
}

const add = (caseId: number, documentId: string, content: Uint8Array, source: 'file' | 'camera' = 'file') =>
  core.call('scans.add', { caseId, documentId, source, content: content as Uint8Array<ArrayBuffer> }, 'counter-1');
const refusal = async (caseId: number, content: Uint8Array, documentId = 'applicantIdentity') =>
  core.fail('scans.add', { caseId, documentId, source: 'file', content }, 'counter-1');

const vaultFiles = (dataDir: string): string[] => {
  const root = join(dataDir, 'scans');
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  try {
    return walk(root);
  } catch {
    return [];
  }
};

/** Signs (where a signature is required) and forwards the case: the counter part is done, so its scans are fixed. */
async function forward(caseId: number) {
  let v = await core.call('cases.get', { caseId }, 'counter-1');
  v = await core.call('cases.submitForm', { caseId, version: v.version, applicantIin: TRAINING_PEOPLE[0]!.iin, representative: null }, 'counter-1');
  const refused = await core.ws.dispatch('cases.forward', { caseId, version: v.version }, 'counter-1');
  if (refused.ok) return refused.value as CaseView;
  expect(refused.error.code).toBe('SIGNATURE_REQUIRED');
  // The operator's training key, as the counter's signing panel sends it.
  const container = readFileSync(new URL('../../../resources/training-pki/operator-valid.p12', import.meta.url)).toString('base64');
  await core.call('signing.sign', { caseId, version: v.version, signer: { kind: 'pkcs12', container, password: TRAINING_PASSWORD } }, 'counter-1');
  v = await core.call('cases.get', { caseId }, 'counter-1');
  return core.call('cases.forward', { caseId, version: v.version }, 'counter-1');
}

describe('scans of a case, by the act\'s required documents', () => {
  it('adds pages, lists them against the checklist, draws, turns, orders and removes them', async () => {
    const c = await openCase();
    const first = await add(c.id, 'applicantIdentity', await jpeg(800, 1100, 'one'));
    expect(first).toMatchObject({ caseId: c.id, documentId: 'applicantIdentity', page: 1, type: 'jpeg', pages: 1, rotation: 0, source: 'file' });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    const thumb = await sharp(Buffer.from(first.thumbnail!.split(',')[1]!, 'base64')).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(240);

    const second = await add(c.id, 'applicantIdentity', await jpeg(800, 1100, 'two'), 'camera');
    const application = await add(c.id, 'application', pdf(3));
    expect(second.page).toBe(2);
    expect(application).toMatchObject({ type: 'pdf', pages: 3, thumbnail: null, page: 1 });

    let list = await core.call('scans.list', { caseId: c.id }, 'counter-1');
    expect(list.locked).toBe(false);
    // In the act's order: the application first, then the identity document's two pages.
    expect(list.scans.map((s) => [s.documentId, s.page])).toEqual([['application', 1], ['applicantIdentity', 1], ['applicantIdentity', 2]]);
    expect(list.checklist.map((i) => [i.documentId, i.scans])).toEqual([
      ['application', 3], ['applicantIdentity', 2], ['childBirthCertificate', 0], ['disabilityCertificate', 0],
      ['pmpkConclusion', 0], ['homeSchoolingCertificate', 0], ['powerOfAttorney', 0],
    ]);
    expect(list.checklist.at(-1)).toMatchObject({ optional: true, title: { kk: expect.any(String), ru: expect.any(String) } });

    const page = await core.call('scans.view', { scanId: first.id, width: 400 }, 'counter-1');
    expect(page).toMatchObject({ mime: 'image/jpeg', width: 400 });
    expect(page.height).toBe(550);
    const turned = await core.call('scans.rotate', { scanId: first.id, rotation: 90 }, 'counter-1');
    expect(turned.rotation).toBe(90);
    const sideways = await core.call('scans.view', { scanId: first.id, width: 400 }, 'counter-1');
    expect([sideways.width, sideways.height]).toEqual([400, 291]);
    expect((await core.fail('scans.view', { scanId: application.id, width: 400 }, 'counter-1')).issues).toEqual([{ path: 'scanId', reason: 'scan.cannotDraw' }]);

    list = await core.call('scans.reorder', { caseId: c.id, documentId: 'applicantIdentity', order: [second.id, first.id] }, 'counter-1');
    expect(list.scans.filter((s) => s.documentId === 'applicantIdentity').map((s) => [s.id, s.page])).toEqual([[second.id, 1], [first.id, 2]]);
    const mismatch = await core.fail('scans.reorder', { caseId: c.id, documentId: 'applicantIdentity', order: [second.id] }, 'counter-1');
    expect(mismatch.issues).toEqual([{ path: 'order', reason: 'scan.orderMismatch' }]);

    const filesBefore = vaultFiles(core.dataDir).length;
    list = await core.call('scans.remove', { scanId: second.id }, 'counter-1');
    expect(list.scans.filter((s) => s.documentId === 'applicantIdentity').map((s) => [s.id, s.page])).toEqual([[first.id, 1]]);
    expect(vaultFiles(core.dataDir)).toHaveLength(filesBefore - 1);
    expect((await core.fail('scans.view', { scanId: second.id, width: 400 }, 'counter-1')).code).toBe('NOT_FOUND');

    expect(core.auditActions().filter((a) => a.startsWith('scans.'))).toEqual([
      'scans.added', 'scans.added', 'scans.added', 'scans.viewed', 'scans.rotated', 'scans.viewed', 'scans.reordered', 'scans.removed',
    ]);
    // The audit carries ids and kinds, never the scan or its picture.
    const db = new Database(databasePath(core.dataDir), { readonly: true });
    const details = (db.prepare("SELECT detail FROM audit WHERE action LIKE 'scans.%'").all() as { detail: string }[]).map((r) => r.detail).join('\n');
    db.close();
    expect(details).not.toContain('base64');
    expect(details).not.toContain(first.sha256);
  });

  it('stores a scan equal to another once, and keeps the file while one scan still uses it', async () => {
    const c = await openCase();
    const bytes = await jpeg();
    const a = await add(c.id, 'applicantIdentity', bytes);
    const b = await add(c.id, 'childBirthCertificate', bytes);
    expect(vaultFiles(core.dataDir)).toHaveLength(1);
    await core.call('scans.remove', { scanId: a.id }, 'counter-1');
    expect(vaultFiles(core.dataDir)).toHaveLength(1);
    expect((await core.call('scans.view', { scanId: b.id, width: 200 }, 'counter-1')).width).toBe(200);
    await core.call('scans.remove', { scanId: b.id }, 'counter-1');
    expect(vaultFiles(core.dataDir)).toHaveLength(0);
  });

  it('refuses by content, whatever the file was called', async () => {
    const c = await openCase();
    const reasonOf = async (content: Uint8Array) => (await refusal(c.id, content)).issues;
    expect(await reasonOf(new Uint8Array(0))).toEqual([{ path: 'content', reason: 'scan.empty' }]);
    // An archive renamed passport.pdf is still an archive.
    expect(await reasonOf(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2000, 1)]))).toEqual([{ path: 'content', reason: 'scan.archive' }]);
    const whole = await jpeg();
    expect(await reasonOf(whole.subarray(0, whole.length - 500))).toEqual([{ path: 'content', reason: 'scan.truncated' }]);
    expect(await reasonOf(Buffer.from('<html><body>not a scan</body></html>'))).toEqual([{ path: 'content', reason: 'scan.unknownType' }]);
    expect(await reasonOf(pdf(MAX_SCAN_PAGES + 1))).toEqual([{ path: 'content', reason: 'scan.tooManyPages' }]);
    expect(await reasonOf(pdfWithObjectStream(MAX_SCAN_PAGES + 5))).toEqual([{ path: 'content', reason: 'scan.tooManyPages' }]);
    const big = Buffer.alloc(MAX_SCAN_BYTES + 1);
    whole.copy(big);
    expect(await reasonOf(big)).toEqual([{ path: 'content', reason: 'scan.tooLarge' }]);
    // A document the act does not list, and a case that does not exist.
    expect((await refusal(c.id, whole, 'diploma')).issues).toEqual([{ path: 'documentId', reason: 'scan.unknownDocument' }]);
    expect((await refusal(c.id + 100, whole)).code).toBe('NOT_FOUND');
    expect(vaultFiles(core.dataDir)).toHaveLength(0);
    expect((await core.call('scans.list', { caseId: c.id }, 'counter-1')).scans).toEqual([]);
  });

  it('counts the pages of a PDF packed in object streams', async () => {
    const c = await openCase();
    expect((await add(c.id, 'application', pdfWithObjectStream(4))).pages).toBe(4);
  });

  it('keeps none of the plain bytes on disk: not in the vault, not in the database', async () => {
    const c = await openCase();
    await add(c.id, 'applicantIdentity', pdf(1));
    await add(c.id, 'application', await jpeg(600, 800, `ЖСН ${IIN}`));
    core.ws.close();
    const files = [...vaultFiles(core.dataDir), databasePath(core.dataDir), `${databasePath(core.dataDir)}-wal`];
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(IIN)), file).toBe(false);
      expect(bytes.includes(Buffer.from('Жеке куәлік')), file).toBe(false);
      expect(bytes.includes(Buffer.from('%PDF')), file).toBe(false);
    }
    core.reopen();
  });

  it('refuses to show a scan with one bit flipped anywhere, and records no view', async () => {
    const c = await openCase();
    const scan = await add(c.id, 'applicantIdentity', await jpeg());
    const [file] = vaultFiles(core.dataDir);
    const original = readFileSync(file!);
    for (const at of [0, 6, 30, Math.floor(original.length / 2), original.length - 1]) {
      const damaged = Buffer.from(original);
      damaged[at] = damaged[at]! ^ 0x10;
      writeFileSync(file!, damaged);
      expect(await core.fail('scans.view', { scanId: scan.id, width: 300 }, 'counter-1')).toEqual({ code: 'INTERNAL' });
    }
    expect(core.auditActions()).not.toContain('scans.viewed');
    writeFileSync(file!, original);
    expect((await core.call('scans.view', { scanId: scan.id, width: 300 }, 'counter-1')).width).toBe(300);
  });

  it('fixes the scans once the counter part is done: no adding, turning, ordering or removing; still shown', async () => {
    const c = await openCase();
    const scan = await add(c.id, 'applicantIdentity', await jpeg());
    await forward(c.id);
    const list = await core.call('scans.list', { caseId: c.id }, 'counter-1');
    expect(list.locked).toBe(true);
    const locked = { code: 'SCANS_LOCKED' };
    expect(await refusal(c.id, await jpeg(300, 300, 'late'))).toEqual(locked);
    expect(await core.fail('scans.rotate', { scanId: scan.id, rotation: 180 }, 'counter-1')).toEqual(locked);
    expect(await core.fail('scans.reorder', { caseId: c.id, documentId: 'applicantIdentity', order: [scan.id] }, 'counter-1')).toEqual(locked);
    expect(await core.fail('scans.remove', { scanId: scan.id }, 'counter-1')).toEqual(locked);
    expect(await core.fail('scans.fromScanner', { caseId: c.id, documentId: 'applicantIdentity' }, 'counter-1')).toEqual(locked);
    expect((await core.call('scans.view', { scanId: scan.id, width: 200 }, 'counter-1')).width).toBe(200);
    expect((await core.call('scans.list', { caseId: c.id }, 'counter-1')).scans).toHaveLength(1);
  });

  it('purges the scans of a registered case once the retention period has passed, and keeps the others', async () => {
    const c = await openCase();
    const shared = await jpeg(500, 700, 'shared');
    await add(c.id, 'applicantIdentity', shared);
    await add(c.id, 'application', pdf(2));
    const registered = await forward(c.id);
    expect(registered.registrationNumber).toBeTruthy();
    // Another case, not registered, holds the same page: its file stays.
    let other = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
    other = await core.call('cases.handOver', { caseId: other.id, version: other.version, documents: S1_DOCUMENTS }, 'counter-1');
    await add(other.id, 'applicantIdentity', shared);
    expect(vaultFiles(core.dataDir)).toHaveLength(2);

    core.clock.advance(29 * 86_400_000);
    core.ws.maintain();
    expect((await core.call('scans.list', { caseId: c.id }, 'counter-1')).scans).toHaveLength(2);
    core.clock.advance(2 * 86_400_000);
    core.ws.maintain();
    expect((await core.call('scans.list', { caseId: c.id }, 'counter-1')).scans).toEqual([]);
    expect((await core.call('scans.list', { caseId: other.id }, 'counter-1')).scans).toHaveLength(1);
    await expect.poll(() => vaultFiles(core.dataDir).length).toBe(1);
    expect(core.auditActions().filter((a) => a === 'scans.purged')).toHaveLength(1);
    expect(core.events.some((e) => e.event.name === 'scans.changed' && (e.event.payload as { caseId: number }).caseId === c.id)).toBe(true);
    const db = new Database(databasePath(core.dataDir), { readonly: true });
    expect(db.prepare("SELECT detail FROM audit WHERE action = 'scans.purged'").get()).toEqual({ detail: JSON.stringify({ count: 2, retentionDays: 30 }) });
    db.close();
    // Run again: nothing left to purge, no second row.
    core.ws.maintain();
    expect(core.auditActions().filter((a) => a === 'scans.purged')).toHaveLength(1);
  });

  it('follows the retention period set in the settings', async () => {
    const c = await openCase();
    await add(c.id, 'applicantIdentity', await jpeg());
    await forward(c.id);
    const db = new Database(databasePath(core.dataDir));
    db.prepare("INSERT INTO settings (key, value) VALUES ('scans', ?)").run(JSON.stringify({ retentionDays: 7 }));
    db.close();
    core.clock.advance(8 * 86_400_000);
    core.ws.maintain();
    expect((await core.call('scans.list', { caseId: c.id }, 'counter-1')).scans).toEqual([]);
  });
});

describe('the scanner (SANE)', () => {
  it('is reported absent where scanimage is not installed, and a scan asked for says so', async () => {
    const c = await openCase({ scans: { scanimage: '/nonexistent/sane/scanimage' } });
    expect(await core.call('scans.capabilities', {}, 'counter-1')).toEqual({ scanner: false, hotFolder: null });
    expect(await core.fail('scans.fromScanner', { caseId: c.id, documentId: 'applicantIdentity' }, 'counter-1')).toEqual({ code: 'SCANNER_UNAVAILABLE' });
  });

  it('scans a page with scanimage when it lists a device (a stand-in program)', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const png = await sharp({ create: { width: 300, height: 420, channels: 3, background: '#ffffff' } }).png().toBuffer();
    writeFileSync(join(dir.path, 'page.png'), png);
    const script = join(dir.path, 'scanimage');
    writeFileSync(
      script,
      `#!/bin/sh\nif [ "$1" = "-L" ]; then echo "device \\\`test:0' is a Stand-in flatbed scanner"; exit 0; fi\n` +
        `[ "$1" = "--format=png" ] || exit 2\ncat ${JSON.stringify(join(dir.path, 'page.png'))}\n`,
    );
    chmodSync(script, 0o755);
    const c = await openCase({ scans: { scanimage: script } });
    expect((await core.call('scans.capabilities', {}, 'counter-1')).scanner).toBe(true);
    const scan = await core.call('scans.fromScanner', { caseId: c.id, documentId: 'applicantIdentity' }, 'counter-1');
    expect(scan).toMatchObject({ type: 'png', source: 'scanner', size: png.length });
  });
});
