/**
 * Pushes to every workstation and board: one LISTEN connection to PostgreSQL, fanned out as
 * server-sent events. A call's event is committed with the call and notified at commit; a device
 * that reconnects (the server was restarted, the link dropped) names the last event it saw and is
 * sent what it missed from the events table. Ids from concurrent transactions can commit out of
 * order, so the catch-up starts a little before the id given and the device drops repeats.
 */
import type { ServerResponse } from 'node:http';
import pg from 'pg';
import type { Pool } from 'pg';

const CHANNEL = 'azho_branch';
/** How far before the last seen id the catch-up starts: more than the calls that can be in flight at once. */
const CATCH_UP_SLACK = 500;
const KEEP_ALIVE_MS = 15_000;

export class EventHub {
  private readonly streams = new Set<ServerResponse>();
  private listener: pg.Client | undefined;
  private closed = false;
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly pool: Pool,
    private readonly log: (line: Record<string, unknown>) => void,
  ) {}

  async start(): Promise<void> {
    await this.listen();
    this.keepAlive = setInterval(() => {
      for (const s of this.streams) s.write(': keep-alive\n\n');
    }, KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (n) => {
      if (n.payload) this.broadcast(n.payload);
    });
    client.on('error', (err) => {
      this.log({ event: 'listen.error', message: err.message });
      void client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private broadcast(payload: string) {
    const id = (JSON.parse(payload) as { id: number }).id;
    const frame = `${id ? `id: ${id}\n` : ''}data: ${payload}\n\n`;
    for (const s of this.streams) s.write(frame);
  }

  /** Opens a stream; what the device missed since `lastEventId` is sent first. */
  async open(res: ServerResponse, lastEventId: number | null): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
    if (lastEventId === null) {
      // A new stream starts from now: the device learns where "now" is, to catch up from it after a drop.
      const { rows } = await this.pool.query<{ id: string | null }>('SELECT max(id) AS id FROM events');
      res.write(`id: ${rows[0]?.id ?? 0}\n\n`);
    } else {
      const { rows } = await this.pool.query<{ id: string; payload: Record<string, unknown> }>(
        'SELECT id, payload FROM events WHERE id > $1 ORDER BY id',
        [Math.max(0, lastEventId - CATCH_UP_SLACK)],
      );
      for (const r of rows) res.write(`id: ${r.id}\ndata: ${JSON.stringify({ ...r.payload, id: Number(r.id) })}\n\n`);
    }
  }

  get listeners(): number {
    return this.streams.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.keepAlive) clearInterval(this.keepAlive);
    for (const s of this.streams) s.end();
    await this.listener?.end().catch(() => undefined);
  }
}
