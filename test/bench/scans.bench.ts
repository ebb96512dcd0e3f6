/**
 * Benchmarks of the scan store (issue: document scans):
 * 1. ingesting 200 scans of 5 MB through the core in its worker thread — recognised, hashed,
 *    encrypted, written and flushed, recorded with synchronous=FULL — as a ratio of bare
 *    node:crypto AES-256-GCM + SHA-256 over the same bytes in the same run; once as JPEG pages
 *    (with the thumbnail drawn) and once as the scanner's one-page PDFs (no thumbnail);
 * 2. the main thread's event-loop lag meanwhile, and how fast the core still answers a call;
 * 3. the thumbnail of a 5 MB page.
 * For scale, the same bytes written and flushed to this disk without any crypto, in the same run:
 * a scan is stored durably (fsync) before it is recorded, so the disk bounds what the core can do.
 * The pages are real JPEGs made from noise: their bytes do not compress.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startCore } from '../../src/core/runtime/startCore';
import type { CoreHandle } from '../../src/core/runtime/types';
import { thumbnail } from '../../src/core/scans/images';
import { makeIin } from '../support/iins';
import { median, ms, report, summary, withLoopLag, type Verdict } from './measure';

const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
// The TypeScript sources through tsx: the benchmark needs no build (start-up is not measured).
const WORKER = new URL('../../src/core/runtime/worker.ts', import.meta.url);
const SCANS = 200;
const MB = 1024 * 1024;
const ADMIN = { login: 'admin', fullName: 'Бенчмарк Әкімші', iin: makeIin('850315', '4', 12), password: 'bench-password-2026' };
const OPERATOR = { login: 'operator1', fullName: 'Бенчмарк Оператор', iin: makeIin('880512', '3', 77), password: 'Операторға-уақытша-1' };
const DOCUMENTS = ['application', 'applicantIdentity', 'childBirthCertificate', 'disabilityCertificate', 'pmpkConclusion', 'homeSchoolingCertificate'];

/** A colour A4 page at 300 dpi of noise, as JPEG, about 5 MB. */
async function basePage(): Promise<Buffer> {
  const width = 2480;
  const height = 3508;
  for (const quality of [72, 68, 64, 60, 76, 80]) {
    const jpeg = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .jpeg({ quality })
      .toBuffer();
    if (Math.abs(jpeg.length - 5 * MB) < 0.6 * MB) return jpeg;
  }
  throw new Error('could not make a 5 MB page');
}

/** Page `i`: the base page with a comment segment naming it, so that every scan is distinct. */
function jpegPage(base: Buffer, i: number): Buffer {
  const note = Buffer.from(`bench page ${i} ${randomBytes(8).toString('hex')}`);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(note.length + 2);
  return Buffer.concat([base.subarray(0, 2), Buffer.from([0xff, 0xfe]), len, note, base.subarray(2)]);
}

/** The page as a scanner's one-page PDF: the JPEG as an image XObject. */
function pdfPage(base: Buffer, i: number): Buffer {
  const head = Buffer.from(
    `%PDF-1.4\n%bench ${i} ${randomBytes(8).toString('hex')}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      `2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> >> endobj\n` +
      `4 0 obj << /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${base.length} >>\nstream\n`,
    'latin1',
  );
  return Buffer.concat([head, base, Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

/** Bare node:crypto over the same bytes: SHA-256 and AES-256-GCM, one after the other, on this thread. */
function bare(make: (i: number) => Buffer): { seconds: number; bytes: number } {
  const key = randomBytes(32);
  let bytes = 0;
  let seconds = 0;
  for (let i = 0; i < SCANS; i++) {
    const content = make(i);
    const t0 = performance.now();
    createHash('sha256').update(content).digest();
    const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
    cipher.update(content);
    cipher.final();
    cipher.getAuthTag();
    seconds += (performance.now() - t0) / 1000;
    bytes += content.length;
  }
  return { seconds, bytes };
}

/** The disk alone: the same bytes written, flushed and renamed into place, one after another. */
async function bareDisk(make: (i: number) => Buffer, dir: string): Promise<{ seconds: number; bytes: number }> {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let seconds = 0;
  for (let i = 0; i < SCANS; i++) {
    const content = make(i);
    const t0 = performance.now();
    const handle = await open(join(dir, `${i}.part`), 'wx');
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    await rename(join(dir, `${i}.part`), join(dir, String(i)));
    const folder = await open(dir, 'r');
    await folder.sync();
    await folder.close();
    seconds += (performance.now() - t0) / 1000;
    bytes += content.length;
  }
  rmSync(dir, { recursive: true, force: true });
  return { seconds, bytes };
}

async function counter(dataDir: string): Promise<{ core: CoreHandle; caseId: number }> {
  const core = await startCore({ dataDir, masterKey: randomBytes(32), workerUrl: WORKER, execArgv: ['--import', 'tsx'], resourcesDir: RESOURCES });
  const ok = async (name: string, input: unknown, clientId: string) => {
    const r = await core.call(name, input, { clientId });
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as { id: number; version: number };
  };
  await ok('setup.createAdmin', ADMIN, 'admin');
  await ok('operators.create', { ...OPERATOR, role: 'operator' }, 'admin');
  await ok('auth.login', { login: OPERATOR.login, password: OPERATOR.password }, 'counter');
  await ok('auth.changePassword', { current: OPERATOR.password, next: 'Оператор-құпиясөзі-2026' }, 'counter');
  const started = await ok('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter');
  await ok('cases.handOver', { caseId: started.id, version: started.version, documents: DOCUMENTS }, 'counter');
  return { core, caseId: started.id };
}

interface Ingest {
  seconds: number;
  bytes: number;
  lag: { p50: number; p99: number; max: number };
  /** Round trips of app.status to the core while it ingests. */
  answers: number[];
  latencies: number[];
}

/** Sends the scans to the core, `inFlight` at a time, each one's bytes moved to the worker. */
async function ingest(core: CoreHandle, caseId: number, make: (i: number) => Buffer, inFlight: number): Promise<Ingest> {
  let next = 0;
  let bytes = 0;
  const latencies: number[] = [];
  const answers: number[] = [];
  let ingesting = true;
  const probe = (async () => {
    while (ingesting) {
      const t0 = performance.now();
      await core.call('app.status', {}, { clientId: 'probe' });
      answers.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = performance.now();
  const { lag } = await withLoopLag(() =>
    Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < SCANS) {
          const i = next++;
          const content = make(i);
          bytes += content.length;
          const t0 = performance.now();
          const r = await core.call('scans.add', { caseId, documentId: DOCUMENTS[i % DOCUMENTS.length], source: 'file', content }, { clientId: 'counter' }, [content.buffer as ArrayBuffer]);
          latencies.push(performance.now() - t0);
          if (!r.ok) throw new Error(`scans.add: ${JSON.stringify(r.error)}`);
        }
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  ingesting = false;
  await probe;
  return { seconds, bytes, lag, answers, latencies };
}

async function run(root: string): Promise<Verdict[]> {
  const base = await basePage();
  const kinds = { jpeg: (i: number) => jpegPage(base, i), pdf: (i: number) => pdfPage(base, i) };
  const verdicts: Verdict[] = [];

  // 3. The thumbnail of a 5 MB page, as the core draws it (sharp on the thread pool).
  await thumbnail(base, 'jpeg');
  const thumbs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    if (!(await thumbnail(base, 'jpeg'))) throw new Error('no thumbnail');
    thumbs.push(performance.now() - t0);
  }

  for (const [kind, make] of Object.entries(kinds)) {
    // One at a time, as the counter screen sends a batch of files; two, as the hot folder and an upload may.
    for (const inFlight of [1, 2]) {
      const { core, caseId } = await counter(join(root, `${kind}-${inFlight}`));
      bare(make); // warm-up of the same code and sizes
      const reference = bare(make);
      const disk = await bareDisk(make, join(root, 'disk'));
      const got = await ingest(core, caseId, make, inFlight);
      await core.close();
      const bareMBs = reference.bytes / MB / reference.seconds;
      const diskMBs = disk.bytes / MB / disk.seconds;
      const coreMBs = got.bytes / MB / got.seconds;
      const ratio = coreMBs / bareMBs;
      const each = summary(got.latencies);
      const answers = summary(got.answers);
      const label = `${SCANS} × ${(got.bytes / SCANS / MB).toFixed(1)} MB ${kind === 'jpeg' ? 'JPEG pages (thumbnail drawn)' : 'one-page PDFs (no thumbnail)'}, ${inFlight} in flight`;
      verdicts.push(
        {
          name: `${label}: throughput vs bare AES-GCM + SHA-256`,
          figure:
            `${ratio.toFixed(2)} (${coreMBs.toFixed(0)} MB/s vs ${bareMBs.toFixed(0)} MB/s; a scan p50 ${ms(each.p50)}, p99 ${ms(each.p99)}; ` +
            `the disk alone, write + fsync without crypto: ${diskMBs.toFixed(0)} MB/s, the core at ${(coreMBs / diskMBs).toFixed(2)} of it)`,
          goal: '≥ 0.6',
          pass: ratio >= 0.6,
        },
        {
          name: `${label}: main loop lag p99`,
          figure: `${ms(got.lag.p99)} (max ${ms(got.lag.max)}); the core answered app.status meanwhile in p50 ${ms(answers.p50)}, p99 ${ms(answers.p99)} (${answers.n} calls)`,
          goal: 'p99 < 20 ms',
          pass: got.lag.p99 < 20,
        },
      );
    }
  }
  verdicts.push({
    name: `thumbnail of a ${(base.length / MB).toFixed(1)} MB JPEG page (2480×3508)`,
    figure: `median ${ms(median(thumbs))}, max ${ms(Math.max(...thumbs))}`,
    goal: '< 300 ms',
    pass: Math.max(...thumbs) < 300,
  });
  return verdicts;
}

const root = mkdtempSync(join(tmpdir(), 'azho-bench-scans-'));
try {
  report(await run(root));
} finally {
  rmSync(root, { recursive: true, force: true });
}
