/**
 * Every call of the contract, fed malformed inputs through both hosts' real paths — the web host
 * over HTTP and the Electron IPC bridge — as an administrator and as an operator, over one real
 * core (the worker thread, real SQLite). The calls come from CALL_NAMES, so a call added to the
 * contract is fuzzed without anyone adding it here.
 *
 * Every answer must be a typed error envelope: no 5xx, no crash (the path answers, and the core
 * still answers app.status afterwards), no INTERNAL or untyped answer, and nothing written to the
 * data folder (see dataFolder.ts for how the database is compared).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/host/server';
import type { CoreHandle } from '../../src/core/runtime/types';
import { CALL_NAMES, calls, type CallName } from '../../src/shared/contract';
import { ERROR_CODES } from '../../src/shared/errors';
import { makeIin } from '../support/iins';
import { startTestCore } from '../support/startTestCore';
import { tempDir } from '../support/tempDir';
import { ADMIN } from '../support/workstation';
import { differences, snapshot } from './dataFolder';
import { browser, ipcBridge, type Answer, type CallPath } from './hostPaths';
import { malformedInputs, valueOf } from './malformedInputs';

const INPUTS_PER_CALL = 24;
const SEED = 20_260_112;
const OPERATOR = { login: 'operator1', fullName: 'Нұрлан Әбілұлы Сейітов', iin: makeIin('880512', '3', 77), password: 'Операторға-уақытша-1' };
const OPERATOR_PASSWORD = 'Оператор-құпиясөзі-2026';

let dir: ReturnType<typeof tempDir>;
let dataDir: string;
let core: CoreHandle;
let host: Host;
let bridge: ReturnType<typeof ipcBridge>;
const paths: Record<string, CallPath> = {};

async function ok(path: CallPath, name: CallName, input: unknown): Promise<void> {
  const answer = await path(name, JSON.stringify(input), input);
  expect(answer.body, `${name} while setting up`).toMatchObject({ ok: true });
}

beforeAll(async () => {
  dir = tempDir();
  dataDir = join(dir.path, 'data');
  core = await startTestCore(dataDir);
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  host = await startHost({ core, rendererDir });
  bridge = ipcBridge(core);

  // An administrator and an operator on each host, so that the role-gated calls are tried by a
  // role that may make them as well as by one that may not.
  paths['web host, administrator'] = await browser(host);
  await ok(paths['web host, administrator'], 'setup.createAdmin', ADMIN);
  await ok(paths['web host, administrator'], 'operators.create', { ...OPERATOR, role: 'operator' });
  paths['web host, operator'] = await browser(host);
  await ok(paths['web host, operator'], 'auth.login', { login: OPERATOR.login, password: OPERATOR.password });
  await ok(paths['web host, operator'], 'auth.changePassword', { current: OPERATOR.password, next: OPERATOR_PASSWORD });
  paths['IPC bridge, administrator'] = bridge.window(1);
  await ok(paths['IPC bridge, administrator'], 'auth.login', { login: ADMIN.login, password: ADMIN.password });
  paths['IPC bridge, operator'] = bridge.window(2);
  await ok(paths['IPC bridge, operator'], 'auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD });
}, 30_000);

afterAll(async () => {
  bridge?.dispose();
  await host?.close();
  await core?.close();
  dir?.remove();
});

const isTypedError = (body: unknown): boolean => {
  const b = body as { ok?: unknown; error?: { code?: unknown } } | null;
  return b?.ok === false && typeof b.error?.code === 'string' && b.error.code !== 'INTERNAL' && (ERROR_CODES as readonly string[]).includes(b.error.code);
};

it('answers every malformed input to every call with a typed error, on both hosts, and writes nothing', async () => {
  const before = snapshot(dataDir);
  const counters = { '5xx': 0, crash: 0, write: 0, untyped: 0 };
  const failures: string[] = [];
  let tried = 0;
  let fewest = Infinity;
  let most = 0;

  for (const [i, name] of CALL_NAMES.entries()) {
    const inputs = malformedInputs(name, SEED + i, INPUTS_PER_CALL);
    fewest = Math.min(fewest, inputs.length);
    most = Math.max(most, inputs.length);
    for (const { kind, text } of inputs) {
      const input = valueOf(text);
      for (const [pathName, path] of Object.entries(paths)) {
        const answer: Answer = await path(name, text, input);
        tried++;
        const fault = answer.thrown !== undefined ? 'crash' : (answer.status ?? 0) >= 500 ? '5xx' : !isTypedError(answer.body) ? 'untyped' : null;
        if (!fault) continue;
        counters[fault]++;
        if (failures.length < 10) failures.push(`${fault}: ${name} (${kind}) via ${pathName} → ${JSON.stringify(answer).slice(0, 160)}`);
      }
    }
  }

  // The core and both hosts still answer a good call: a malformed one took nothing down.
  for (const [pathName, path] of Object.entries(paths)) {
    const answer = await path('app.status', '{}', {});
    if ((answer.body as { ok?: boolean } | undefined)?.ok !== true) {
      counters.crash++;
      failures.push(`crash: app.status via ${pathName} afterwards → ${JSON.stringify(answer).slice(0, 160)}`);
    }
  }
  // No `__proto__` or `constructor.prototype` key reached the prototype of every object.
  expect(Object.keys(Object.prototype)).toEqual([]);

  const written = differences(before, snapshot(dataDir));
  counters.write = written.length;
  failures.push(...written.slice(0, 5).map((line) => `write: ${line}`));

  const hosts = Object.keys(paths).length;
  console.log(
    `contract fuzz: ${CALL_NAMES.length} calls × ${fewest === most ? fewest : `${fewest}–${most}`} inputs × ${hosts} paths (2 hosts × 2 roles) = ${tried} tried — ` +
      Object.entries(counters).map(([k, v]) => `${k} ${v}`).join(', '),
  );
  expect(failures).toEqual([]);
  expect(counters).toEqual({ '5xx': 0, crash: 0, write: 0, untyped: 0 });
  // Every call got its share: a schema that accepts almost anything would show up here.
  expect(fewest).toBeGreaterThanOrEqual(20);
}, 60_000);

// Both hosts hand the core the input as it came, not zod's parsed copy (see ipcBridge.ts), so
// an unknown field that a loose z.object() would only strip would still travel to the worker —
// a 10,000-level value in it makes postMessage throw. Every call's input must refuse it instead.
it('refuses an unknown field in every call, so nothing the contract does not name reaches the core', () => {
  const refusesUnknown = (name: CallName) =>
    calls[name].input.safeParse({ unknownField: 1 }).error?.issues.some((issue) => issue.code === 'unrecognized_keys') ?? false;
  const loose = CALL_NAMES.filter((name) => !refusesUnknown(name));
  console.log(`contract fuzz: ${CALL_NAMES.length} calls refuse an unknown field; loose: ${loose.length ? loose.join(', ') : 'none'}`);
  expect(loose).toEqual([]);
});
