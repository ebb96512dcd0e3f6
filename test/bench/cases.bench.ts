/**
 * Benchmarks of the regulations and the case engine:
 * 1. one step transition (engine + persist + audit, synchronous=FULL): p99, and its throughput
 *    as a ratio of a bare single-row insert transaction with the same pragmas, same run;
 * 2. catalog search over 1,000 services: p99;
 * 3. loading and validating all regulation files.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock';
import { openDatabase } from '../../src/core/db/open';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import { Catalog } from '../../src/core/regulations/catalog';
import { loadRegulations } from '../../src/core/regulations/loadRegulations';
import { openWorkstation } from '../../src/core/workstation';
import type { Regulation } from '../../src/shared/regulation';
import { makeIin } from '../support/iins';
import { median, ms, report, summary, type Verdict } from './measure';

const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
const REGULATIONS = join(RESOURCES, 'regulations');

async function transitions(root: string): Promise<Verdict[]> {
  const clock = new ManualClock();
  const ws = openWorkstation({ dataDir: join(root, 'cases'), masterKey: randomBytes(32), resourcesDir: RESOURCES, clock }, () => {});
  const call = async (name: string, input: unknown, client = 'c') => {
    const r = await ws.dispatch(name, input, client);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as { id: number; version: number };
  };
  const password = 'bench-password-2026';
  await call('setup.createAdmin', { login: 'admin', fullName: 'Бенчмарк Әкімші', iin: makeIin('850315', '4', 12), password }, 'a');
  await call('operators.create', { login: 'operator', fullName: 'Бенчмарк Оператор', iin: makeIin('880512', '3', 77), role: 'operator', password }, 'a');
  await call('auth.login', { login: 'operator', password });
  await call('auth.changePassword', { current: password, next: 'bench-password-2027' });
  const documents = ['application', 'applicantIdentity', 'childBirthCertificate', 'disabilityCertificate', 'pmpkConclusion', 'homeSchoolingCertificate'];

  // The issue of the result is exactly one transition: the step row closed against its norm,
  // the case moved, the issuance record sealed and stored, the audit row chained — one transaction.
  const oneStep: number[] = [];
  const cases = 400;
  for (let i = 0; i < cases; i++) {
    // The worker checkpoints every 5 s between calls (a case takes ~10 ms here): the same rhythm.
    if (i % 20 === 0) ws.maintain();
    clock.advance(60_000);
    let v = await call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' });
    v = await call('cases.handOver', { caseId: v.id, version: v.version, documents });
    v = await call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: TRAINING_PEOPLE[0]!.iin, representative: null });
    v = await call('cases.forward', { caseId: v.id, version: v.version });
    const t0 = performance.now();
    await call('cases.issue', { caseId: v.id, version: v.version });
    oneStep.push(performance.now() - t0);
  }
  ws.close();

  // Baseline: the same database settings, one row per transaction.
  const db = openDatabase(join(root, 'baseline.db'), { checkIntegrity: false });
  db.exec('CREATE TABLE bare (id INTEGER PRIMARY KEY, at TEXT NOT NULL, what TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bare (at, what) VALUES (?, ?)');
  const tx = db.transaction((i: number) => insert.run(new Date().toISOString(), `row ${i}`));
  const bare: number[] = [];
  for (let i = 0; i < cases; i++) {
    if (i % 20 === 0) db.pragma('wal_checkpoint(PASSIVE)');
    const t0 = performance.now();
    tx.immediate(i);
    bare.push(performance.now() - t0);
  }
  db.close();
  const s = summary(oneStep);
  const b = summary(bare);
  const ratio = median(bare) / median(oneStep);
  return [
    {
      name: 'one step transition (engine + persist + audit)',
      figure: `p50 ${ms(s.p50)} p99 ${ms(s.p99)}; bare insert p50 ${ms(b.p50)} p99 ${ms(b.p99)}; throughput ${ratio.toFixed(2)}× the bare insert`,
      goal: 'p99 < 2 ms',
      pass: s.p99 < 2,
    },
  ];
}

/** A thousand services: the real acts with their titles varied, as a national catalog would be. */
function thousandServices(base: Regulation[]): Regulation[] {
  const words = ['жәрдемақы', 'анықтама', 'тіркеу', 'куәлік', 'рұқсат', 'субсидия', 'төлем', 'өтемақы', 'лицензия', 'мәлімет'];
  const ru = ['пособие', 'справка', 'регистрация', 'свидетельство', 'разрешение', 'субсидия', 'выплата', 'компенсация', 'лицензия', 'сведения'];
  const out: Regulation[] = [];
  for (let i = 0; i < 1000; i++) {
    const r = base[i % base.length]!;
    const w = i % words.length;
    out.push({
      ...r,
      id: `${r.id}-${i}`,
      service: {
        ...r.service,
        title: { kk: `${r.service.title.kk} ${words[w]} ${i}`, ru: `${r.service.title.ru} ${ru[w]} ${i}`, en: `${r.service.title.en} ${i}` },
      },
    });
  }
  return out;
}

function catalogSearch(): Verdict[] {
  const { regulations } = loadRegulations(REGULATIONS);
  const catalog = new Catalog(thousandServices(regulations));
  const queries = ['мүгед', 'мүгедек бал', 'справ', 'пособие дет', 'home sch', 'патр', 'әлеум көм', 'жұмыссыз', 'лиценз 99', 'zzz', ''];
  for (let i = 0; i < 200; i++) catalog.search({ query: queries[i % queries.length]!, region: 'aktobe', today: '2026-11-22', training: true });
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    catalog.search({ query: queries[i % queries.length]!, region: 'aktobe', today: '2026-11-22', training: true });
    times.push(performance.now() - t0);
  }
  const s = summary(times);
  return [{ name: 'catalog search, 1,000 services', figure: `p50 ${ms(s.p50)} p99 ${ms(s.p99)}`, goal: 'p99 < 5 ms', pass: s.p99 < 5 }];
}

function loading(): Verdict[] {
  const t0 = performance.now();
  const first = loadRegulations(REGULATIONS);
  const cold = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    loadRegulations(REGULATIONS);
    warm.push(performance.now() - t);
  }
  return [
    {
      name: `load and validate ${first.regulations.length} regulation files`,
      figure: `first ${ms(cold)}, then median ${ms(median(warm))}`,
      goal: '< 50 ms',
      pass: cold < 50 && first.problems.length === 0,
    },
  ];
}

const root = mkdtempSync(join(tmpdir(), 'azho-bench-cases-'));
try {
  report([...loading(), ...catalogSearch(), ...(await transitions(root))]);
} finally {
  rmSync(root, { recursive: true, force: true });
}
