/**
 * pdfkit, exceljs and the bundled fonts as the shipped programs load them: the core's worker
 * bundled the way scripts/build-host.mjs bundles it (packages external, resolved from the
 * repository's node_modules) into a folder beside out/host, started on its own thread, asked for a
 * ticket and a report as PDF. The fonts are found where the programs look: ../../resources.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../src/core/runtime/startCore';
import type { CoreHandle } from '../../src/core/runtime/types';
import { makeIin } from '../support/iins';
import { tempDir } from '../support/tempDir';
import { pdfText } from './poppler';

const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN = { login: 'admin', fullName: 'Әсемгүл Нұрланқызы Жұмабаева', iin: makeIin('850315', '4', 12), password: 'Құпия-сөз-2026' };

let outDir: string;
let data: ReturnType<typeof tempDir>;
let core: CoreHandle;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  outDir = mkdtempSync(join(ROOT, 'out', 'printing-test-'));
  await build({
    entryPoints: { coreWorker: join(ROOT, 'src/core/runtime/worker.ts') },
    outdir: outDir, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'silent',
  });
  data = tempDir();
  const workerUrl = new URL(`file://${join(outDir, 'coreWorker.js')}`);
  core = await startCore({ dataDir: data.path, masterKey: randomBytes(32), workerUrl, training: true, resourcesDir: new URL('../../resources/', workerUrl).pathname });
}, 60_000);
afterAll(async () => {
  await core?.close();
  data?.remove();
  rmSync(outDir, { recursive: true, force: true });
});

async function call(name: string, input: unknown, clientId: string): Promise<any> {
  const result = await core.call(name, input, { clientId });
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('the bundled core', () => {
  it('prints a ticket and exports a report as PDF, XLSX and CSV', async () => {
    await call('setup.createAdmin', ADMIN, 'admin');
    await call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
    const kiosk = await call('queue.kiosk', {}, 'kiosk');
    const group = kiosk.groups[0];
    const issued = await call('queue.issue', { group: group.group, priority: null, regulationId: group.services[0].regulationId }, 'kiosk');

    const ticket = await call('queue.ticketPdf', { ticketId: issued.ticket.id }, 'kiosk');
    const ticketText = pdfText(Buffer.from(ticket.base64, 'base64'));
    expect(ticketText).toContain(issued.ticket.number);
    expect(ticketText).toContain('Кезек талоны');
    expect(ticketText).toContain('ОҚУ РЕЖИМІ');

    const query = { period: 'day', from: kiosk.day, to: kiosk.day };
    const pdf = await call('reports.export', { query, format: 'pdf', locale: 'kk' }, 'admin');
    expect(pdfText(Buffer.from(pdf.base64, 'base64'))).toContain('Басшының есебі');
    const xlsx = await call('reports.export', { query, format: 'xlsx', locale: 'kk' }, 'admin');
    // An XLSX is a zip: it starts with PK.
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const csv = await call('reports.export', { query, format: 'csv', locale: 'ru' }, 'admin');
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('Отчёт руководителя');
  });
});
