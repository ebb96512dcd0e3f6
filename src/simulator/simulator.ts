/**
 * The state systems behind the ШЭП as one process on loopback: the SmartBridge endpoint (HTTP,
 * or HTTPS under a CA made at start) in front of ЖТ МДҚ, БНАЖ and the target systems, and a
 * control port of its own for statistics and fault injection — its own port so that it still
 * answers while the SOAP port is down. Nothing it logs names a person.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { buildFault } from '../shared/smartBridge/envelope';
import { FaultSchedule, FaultSettings, type FaultMode } from './faults';
import { deepNesting, entityExpansion, malformed, streamHuge, unknownStatus, wrongMessageId, wrongNamespace, wrongPayload } from './hostile';
import { readBody } from './httpBody';
import { createPopulation } from './population';
import { StateSystems, emptyStats, type SimulatorStats } from './stateSystems';
import { TargetSystems } from './targetSystems';
import { makeSimulatorTls, type SimulatorTls } from './tls';

export type { SimulatorStats } from './stateSystems';
export { FAULT_MODES, type FaultMode, type FaultSettings } from './faults';

export interface SimulatorOptions {
  /** SOAP port; 0 (the default) takes a free one. */
  port?: number;
  /** Control port; 0 (the default) takes a free one. */
  controlPort?: number;
  /** How long a target system takes to decide a registered request. Default 2000 ms. */
  decisionDelayMs?: number;
  /** Generated people besides the training ones. Default 10,000. */
  population?: number;
  seed?: string | number;
  /** Serve HTTPS under a CA generated at start (its PEM is in `caPem`). */
  tls?: boolean;
  /** The sender the gateway accepts. Defaults: 'azho-training' / 'training'. */
  senderId?: string;
  password?: string;
  /** Operational lines (no personal data). */
  log?: (line: string) => void;
}

export interface RunningSimulator {
  /** The SmartBridge endpoint, e.g. http://127.0.0.1:8443/bip-sync/ */
  url: string;
  /** e.g. http://127.0.0.1:8444/control — /stats, /faults, /reset under it. */
  controlUrl: string;
  caPem?: string;
  stats(): SimulatorStats;
  faults(): Required<FaultSettings>;
  setFaults(settings: FaultSettings): Promise<void>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const SOAP_PATH = '/bip-sync/';
const MAX_REQUEST_BYTES = 1024 * 1024;

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function shut(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function send(res: ServerResponse, status: number, body: Buffer | string, type = 'text/xml; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const log = options.log ?? (() => {});
  const stats = emptyStats();
  const schedule = new FaultSchedule();
  const systems = new StateSystems({
    population: createPopulation({ size: options.population ?? 10_000, seed: options.seed ?? 'azho' }),
    targets: new TargetSystems(options.decisionDelayMs ?? 2000),
    senderId: options.senderId ?? 'azho-training',
    password: options.password ?? 'training',
    stats,
  });
  const tls: SimulatorTls | null = options.tls ? await makeSimulatorTls() : null;
  let malformedTurn = 0;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== SOAP_PATH) return send(res, 404, 'not found', 'text/plain');
    if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain');
    const body = await readBody(req, MAX_REQUEST_BYTES);
    stats.received++;
    if (body === null) return send(res, 413, buildFault('Client', 'request too large'));

    const fault = schedule.next();
    if (fault !== 'none') stats.faulted++;
    // Faults on the way in: the state system never sees the request.
    if (fault === 'http500') return send(res, 500, 'Internal Server Error', 'text/plain');
    if (fault === 'soapFault') return send(res, 500, buildFault('Server', 'the service is temporarily unavailable'));

    const exchange = systems.exchange(body.toString('utf8'));
    // Faults on the way back: applied, but the answer is lost or garbled.
    let started = false;
    res.on('close', () => {
      if (started && !res.writableFinished) stats.answersCutShort++;
    });
    const reply = (text: Buffer | string) => {
      started = true;
      send(res, exchange.httpStatus, text);
    };
    const real = exchange.body.toString('utf8');
    switch (fault as Exclude<FaultMode, 'http500' | 'soapFault' | 'down'>) {
      case 'none':
        return reply(exchange.body);
      case 'latency': {
        const { latencyMs } = schedule.current;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, latencyMs);
          res.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        if (!res.destroyed) reply(exchange.body);
        return;
      }
      case 'timeout':
        return; // held open until the client gives up or the simulator closes
      case 'drop':
        req.socket.destroy();
        return;
      case 'malformed':
        return reply(malformed(real, malformedTurn++));
      case 'entityExpansion':
        return reply(entityExpansion(real));
      case 'deepNesting':
        return reply(deepNesting(real));
      case 'wrongNamespace':
        return reply(wrongNamespace(real));
      case 'unknownStatus':
        return reply(unknownStatus(real));
      case 'wrongMessageId':
        return reply(wrongMessageId(real));
      case 'wrongPayload':
        return reply(wrongPayload(real));
      case 'huge':
        started = true;
        return streamHuge(res, real);
    }
  }

  const makeSoapServer = (): Server => {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      answer(req, res).catch(() => {
        // A bug here must not take the simulator down; the client sees the connection end.
        log('simulator: an exchange failed inside the simulator');
        res.destroy();
      });
    };
    const server = tls ? createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, handler) : createHttpServer(handler);
    // Longer than any client keeps an idle connection, so a reused socket is not cut under it.
    server.keepAliveTimeout = 60_000;
    return server;
  };

  let soap: Server | null = makeSoapServer();
  const soapPort = await listen(soap, options.port ?? 0);

  // Mode changes are applied one after another: `down` and back must not interleave.
  let transition = Promise.resolve();
  const setFaults = (settings: FaultSettings): Promise<void> => {
    const parsed = FaultSettings.parse(settings);
    const step = transition.then(async () => {
      schedule.set(parsed);
      if (parsed.mode === 'down' && soap) {
        const closing = soap;
        soap = null;
        await shut(closing);
      } else if (parsed.mode !== 'down' && !soap) {
        const server = makeSoapServer();
        await listen(server, soapPort);
        soap = server;
      }
      log(`simulator: faults ${parsed.mode}${parsed.mode === 'none' ? '' : ` rate ${parsed.rate ?? 1}`}`);
    });
    // A failed change (the port taken while down) is the caller's error, not every later one's.
    transition = step.catch(() => {});
    return step;
  };

  const snapshot = (): SimulatorStats => JSON.parse(JSON.stringify(stats)) as SimulatorStats;

  const control = createHttpServer((req, res) => {
    void (async () => {
      const json = (status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method === 'GET' && path === '/control/stats') return json(200, snapshot());
      if (req.method === 'GET' && path === '/control/faults') return json(200, schedule.current);
      if (req.method === 'POST' && path === '/control/reset') {
        await setFaults({ mode: 'none' });
        return json(200, schedule.current);
      }
      if (req.method === 'POST' && path === '/control/faults') {
        const body = await readBody(req, 64 * 1024);
        let value: unknown;
        try {
          value = JSON.parse(body?.toString('utf8') ?? '');
        } catch {
          return json(400, { error: 'body must be JSON { mode, rate?, latencyMs? }' });
        }
        const parsed = FaultSettings.safeParse(value);
        if (!parsed.success) return json(400, { error: 'body must be JSON { mode, rate?, latencyMs? }', issues: parsed.error.issues.map((i) => i.path.join('.')) });
        await setFaults(parsed.data);
        return json(200, schedule.current);
      }
      return json(404, { error: 'not found' });
    })().catch(() => res.destroy());
  });
  const controlPort = await listen(control, options.controlPort ?? 0);

  return {
    url: `${tls ? 'https' : 'http'}://${HOST}:${soapPort}${SOAP_PATH}`,
    controlUrl: `http://${HOST}:${controlPort}/control`,
    ...(tls ? { caPem: tls.caPem } : {}),
    stats: snapshot,
    faults: () => schedule.current,
    setFaults,
    close: async () => {
      await transition;
      await Promise.all([soap ? shut(soap) : Promise.resolve(), shut(control)]);
      soap = null;
    },
  };
}
