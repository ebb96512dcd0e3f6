/**
 * The branch server: one per branch, on PostgreSQL. Two TLS listeners —
 * - the API (`port`): mutual TLS, only client certificates this branch's CA issued to a device
 *   still enrolled; every request names the contract version, the branch, a fresh nonce and its
 *   time, and its body is validated with the branch contract before anything is read or written;
 * - enrollment and health (`enrollPort`): server TLS only, for a device that has no certificate
 *   yet and for the administrator's health page.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import pg from 'pg';
import {
  BRANCH_CONTRACT_OLDEST, BRANCH_CONTRACT_VERSION, BRANCH_HEADERS, BRANCH_MAX_SKEW_MS, EnrollRequest, branchCalls, isBranchCall,
  type BranchCallName, type BranchError,
} from '../shared/branch/wire';
import { keepTheDay } from './dayKeeping';
import { migrate, SCHEMA_VERSION } from './db/migrate';
import { enroll, makeEnrollmentCode } from './enrollment';
import { EventHub } from './events';
import { BranchFailure } from './failure';
import { BranchDirectory } from './directory';
import { branchHandlers, type BranchHandlers } from './handlers';
import { healthReport, healthPage } from './health';
import { LoginThrottle } from './loginThrottle';
import { loadOrCreateBranchPki } from './pki';
import { BranchQueue, type Device } from './queue';
import { BranchRegistry } from './registry';
import { loadSealer } from './sealing';

export interface BranchServerOptions {
  /** PostgreSQL data source name, e.g. postgresql://azho@localhost/azho_branch */
  dsn: string;
  /** The CA, the server's certificate and the personal-data key. */
  dataDir: string;
  branchId: string;
  branchName: string;
  host?: string;
  port?: number;
  enrollPort?: number;
  /** Names the server is reached by (its certificate's subject alternative names). */
  hostnames?: string[];
  timeZone?: string;
  poolSize?: number;
  log?: (line: Record<string, unknown>) => void;
}

export interface BranchServer {
  port: number;
  enrollPort: number;
  caPem: string;
  pool: pg.Pool;
  makeEnrollmentCode(device: string, role: Device['role']): Promise<string>;
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;

/** One formatter per time zone: making one costs more than a whole call-next on the database. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The branch's calendar day in its time zone. */
export function branchDay(timeZone: string, at = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(at);
}

export async function startBranchServer(o: BranchServerOptions): Promise<BranchServer> {
  const log = o.log ?? ((line) => process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...line })}\n`));
  const branch = { id: o.branchId, name: o.branchName };
  const hostnames = o.hostnames ?? ['127.0.0.1', 'localhost', '::1'];
  const pool = new pg.Pool({ connectionString: o.dsn, max: o.poolSize ?? 24, options: '-c TimeZone=UTC' });
  pool.on('error', (err) => log({ event: 'pool.error', message: err.message }));
  await migrate(pool, branch);
  const timeZone = o.timeZone ?? (await pool.query<{ time_zone: string }>('SELECT time_zone FROM branch_settings')).rows[0]!.time_zone;
  const today = () => branchDay(timeZone);
  const pki = await loadOrCreateBranchPki(o.dataDir, o.branchId, hostnames);
  const hub = new EventHub(o.dsn, pool, log);
  await hub.start();
  const queue = new BranchQueue(pool, today);
  const sealer = loadSealer(o.dataDir);
  const registry = new BranchRegistry(pool, sealer);
  const directory = new BranchDirectory(pool, sealer);
  const handlers = branchHandlers({ pool, queue, registry, directory, throttle: new LoginThrottle(pool), branch, today, timeZone });
  const devices = new DeviceDirectory(pool);
  const startedAt = Date.now();

  const api = createServer(
    { cert: pki.serverCertPem, key: pki.serverKeyPem, ca: [pki.caPem], requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    (req, res) => {
      const began = performance.now();
      serveApi(req, res, { branch, devices, handlers, hub, pool })
        .then((outcome) => log({ event: 'call', ...outcome, ms: Math.round((performance.now() - began) * 10) / 10 }))
        .catch((err: unknown) => log({ event: 'call.failed', message: (err as Error).message }));
    },
  );
  const enrollment = createServer({ cert: pki.serverCertPem, key: pki.serverKeyPem, minVersion: 'TLSv1.2' }, (req, res) => {
    serveEnrollment(req, res, async (body) => {
      const parsed = EnrollRequest.safeParse(body);
      if (!parsed.success) throw new BranchFailure({ code: 'VALIDATION', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), reason: i.message })) }, 400);
      const answer = await enroll(pool, pki, branch, parsed.data.code, parsed.data.publicKeyPem);
      // A device enrolled again has a new certificate: its old one, perhaps remembered, stops working at once.
      devices.forget();
      log({ event: 'enrolled', device: answer.device.name, role: answer.device.role });
      return answer;
    }, async (html) => {
      const report = await healthReport(pool, { branch, schemaVersion: SCHEMA_VERSION, listeners: hub.listeners, startedAt, today: today() });
      return html ? healthPage(report) : JSON.stringify(report);
    }).catch((err: unknown) => log({ event: 'enroll.failed', message: (err as Error).message }));
  });

  // Workstations keep their connections for the next call; the server keeps them longer than the
  // clients idle between calls, so a connection is seldom closed under a request about to reuse it.
  api.keepAliveTimeout = 65_000;
  api.headersTimeout = 70_000;

  const pruneNonces = setInterval(() => {
    void pool.query(`DELETE FROM request_nonces WHERE seen_at < now() - make_interval(secs => $1)`, [(2 * BRANCH_MAX_SKEW_MS) / 1000]).catch(() => undefined);
  }, 60_000);
  pruneNonces.unref();
  const dayKeeping = setInterval(() => {
    keepTheDay(pool, today())
      .then((r) => (r.noShows || r.unserved) && log({ event: 'dayKeeping', ...r }))
      .catch((err: unknown) => log({ event: 'dayKeeping.failed', message: (err as Error).message }));
  }, 30_000);
  dayKeeping.unref();

  const host = o.host ?? '127.0.0.1';
  await Promise.all([listen(api, host, o.port ?? 0), listen(enrollment, host, o.enrollPort ?? 0)]);
  log({ event: 'started', branch: branch.id, port: (api.address() as AddressInfo).port, enrollPort: (enrollment.address() as AddressInfo).port });

  return {
    port: (api.address() as AddressInfo).port,
    enrollPort: (enrollment.address() as AddressInfo).port,
    caPem: pki.caPem,
    pool,
    makeEnrollmentCode: (device, role) => makeEnrollmentCode(pool, device, role),
    async close() {
      clearInterval(pruneNonces);
      clearInterval(dayKeeping);
      await hub.close();
      api.closeAllConnections();
      enrollment.closeAllConnections();
      await Promise.all([new Promise((r) => api.close(r)), new Promise((r) => enrollment.close(r))]);
      await pool.end();
    },
  };
}

function listen(server: Server, host: string, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

/** Enrolled devices by certificate serial, remembered for a few seconds: a revocation takes effect within them. */
class DeviceDirectory {
  private readonly cache = new Map<string, { device: Device | null; until: number }>();
  private readonly seen = new Map<number, number>();
  constructor(private readonly pool: pg.Pool) {}

  async bySerial(serial: string): Promise<Device | null> {
    const hit = this.cache.get(serial);
    if (hit && hit.until > Date.now()) return hit.device;
    const { rows } = await this.pool.query<Device>('SELECT id, name, role FROM devices WHERE cert_serial = $1 AND revoked_at IS NULL', [serial]);
    const device = rows[0] ?? null;
    this.cache.set(serial, { device, until: Date.now() + 5_000 });
    return device;
  }

  /** Forgets every remembered look-up (after an enrollment, which may replace a device's certificate). */
  forget() {
    this.cache.clear();
  }

  /** Last seen, written at most once a minute per device. */
  touch(device: Device) {
    const now = Date.now();
    if ((this.seen.get(device.id) ?? 0) > now - 60_000) return;
    this.seen.set(device.id, now);
    void this.pool.query('UPDATE devices SET last_seen = now() WHERE id = $1', [device.id]).catch(() => undefined);
  }
}

interface ApiDeps {
  branch: { id: string; name: string };
  devices: DeviceDirectory;
  handlers: BranchHandlers;
  hub: EventHub;
  pool: pg.Pool;
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function refuse(res: ServerResponse, failure: BranchFailure) {
  send(res, failure.status, { ok: false, error: failure.data });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BranchFailure({ code: 'VALIDATION', issues: [{ path: '', reason: 'tooLong' }] }, 413);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new BranchFailure({ code: 'VALIDATION', issues: [{ path: '', reason: 'json' }] }, 400);
  }
}

/** Who is asking, and may they: certificate, contract version, branch, time, nonce — before any body is read. */
async function admit(req: IncomingMessage, d: ApiDeps): Promise<Device> {
  const cert = (req.socket as TLSSocket).getPeerCertificate();
  const device = cert?.serialNumber ? await d.devices.bySerial(cert.serialNumber.toLowerCase()) : null;
  if (!device) throw new BranchFailure('NOT_ENROLLED', 403);
  if (cert.subject?.O !== d.branch.id) throw new BranchFailure('WRONG_BRANCH', 403);
  const version = Number(req.headers[BRANCH_HEADERS.contract]);
  if (!Number.isInteger(version) || version < BRANCH_CONTRACT_OLDEST || version > BRANCH_CONTRACT_VERSION) {
    const update = Number.isInteger(version) && version > BRANCH_CONTRACT_VERSION ? 'server' : 'workstation';
    throw new BranchFailure({ code: 'CONTRACT_VERSION', update, serverVersion: BRANCH_CONTRACT_VERSION }, 426);
  }
  if (req.headers[BRANCH_HEADERS.branch] !== d.branch.id) throw new BranchFailure('WRONG_BRANCH', 403);
  const time = Date.parse(String(req.headers[BRANCH_HEADERS.time] ?? ''));
  if (!Number.isFinite(time) || Math.abs(Date.now() - time) > BRANCH_MAX_SKEW_MS) throw new BranchFailure('STALE_REQUEST', 403);
  const nonce = String(req.headers[BRANCH_HEADERS.nonce] ?? '');
  if (!/^[0-9a-f]{32}$/.test(nonce)) throw new BranchFailure('REPLAYED', 403);
  const fresh = await d.pool.query('INSERT INTO request_nonces (nonce) VALUES ($1) ON CONFLICT DO NOTHING', [nonce]);
  if (fresh.rowCount !== 1) throw new BranchFailure('REPLAYED', 409);
  d.devices.touch(device);
  return device;
}

async function serveApi(req: IncomingMessage, res: ServerResponse, d: ApiDeps): Promise<Record<string, unknown>> {
  const url = new URL(req.url ?? '/', 'https://branch');
  const name = url.pathname.startsWith('/api/') ? url.pathname.slice(5) : '';
  let device: Device | undefined;
  try {
    device = await admit(req, d);
    if (name === 'events' && req.method === 'GET') {
      const last = Number(req.headers['last-event-id']);
      await d.hub.open(res, Number.isInteger(last) && last >= 0 ? last : null);
      return { device: device.name, call: 'events' };
    }
    if (req.method !== 'POST' || !isBranchCall(name)) throw new BranchFailure('UNKNOWN_CALL', 404);
    const spec = branchCalls[name];
    if (!(spec.roles as readonly string[]).includes(device.role)) throw new BranchFailure('FORBIDDEN', 403);
    const parsed = spec.input.safeParse(await readJson(req));
    if (!parsed.success) {
      throw new BranchFailure({ code: 'VALIDATION', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), reason: i.message })) }, 400);
    }
    const value = await (d.handlers[name] as (device: Device, input: unknown) => Promise<unknown>)(device, parsed.data);
    send(res, 200, { ok: true, value });
    return { device: device.name, call: name, status: 200 };
  } catch (err) {
    const failure = err instanceof BranchFailure ? err : new BranchFailure('INTERNAL', 500);
    if (!res.headersSent) refuse(res, failure);
    else res.end();
    // The log names the call, the device and the code — never the body, which may hold personal data.
    return { device: device?.name ?? null, call: name as BranchCallName, status: failure.status, code: failure.data.code, ...(failure.status === 500 ? { message: (err as Error).message } : {}) };
  }
}

async function serveEnrollment(
  req: IncomingMessage,
  res: ServerResponse,
  onEnroll: (body: unknown) => Promise<unknown>,
  onHealth: (html: boolean) => Promise<string>,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'https://branch').pathname;
  try {
    if (req.method === 'POST' && path === '/enroll') return send(res, 200, { ok: true, value: await onEnroll(await readJson(req)) });
    if (req.method === 'GET' && path === '/health') {
      const html = String(req.headers.accept ?? '').includes('text/html');
      const body = await onHealth(html);
      res.writeHead(200, {
        'content-type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'cache-control': 'no-store',
      });
      return void res.end(body);
    }
    refuse(res, new BranchFailure('UNKNOWN_CALL', 404));
  } catch (err) {
    refuse(res, err instanceof BranchFailure ? err : new BranchFailure('INTERNAL', 500));
    if (!(err instanceof BranchFailure)) throw err;
  }
}

export type { BranchError };
