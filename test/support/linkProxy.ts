/**
 * The branch network between a workstation and its branch server, as a TCP relay on loopback
 * that a test can cut: `block()` drops the connections in flight and lets new ones hang without
 * an answer (a cable pulled, a switch down — not a server stopped), `unblock()` lets traffic
 * through again. TLS passes through untouched: the workstation still verifies the branch.
 */
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LinkProxy {
  url: string;
  block(): void;
  unblock(): void;
  close(): Promise<void>;
}

export async function startLinkProxy(target: { host: string; port: number }): Promise<LinkProxy> {
  let blocked = false;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    // Held without an answer: the workstation finds out only by its own timeout.
    if (blocked) return;
    const upstream = createConnection(target);
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    block() {
      blocked = true;
      for (const s of open) s.destroy();
    },
    unblock() {
      blocked = false;
      // The connections that hung while blocked end; the workstation's next try gets through.
      for (const s of open) s.destroy();
    },
    async close() {
      for (const s of open) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
