/**
 * Node's keep-alive race, made to happen every time: a server that drops a kept-alive connection
 * when it is reused for a second request. The branch client sends that request again on a fresh
 * connection instead of reporting the link as cut.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateBranchPki } from '../../src/branch/pki';
import { tempDir } from '../support/tempDir';
import { BranchClient, BranchUnreachable } from '../../src/core/branch/branchClient';

const HELLO = {
  branchId: 'RACE-01', branchName: 'Race', device: { name: 'W-01', role: 'workstation' }, day: '2026-12-07',
  serverTime: '2026-12-07T10:00:00.000Z', contractVersion: 1, queue: { priorityCategories: [], maxPriorityStreak: 3, recallsBeforeNoShow: 2 },
};

describe('the branch client on a connection the server has just closed', () => {
  const dir = tempDir('azho-race-');
  let server: Server;
  let client: BranchClient;
  let dropSecond = true;
  const served = new WeakMap<Socket, number>();
  let connections = 0;

  beforeAll(async () => {
    const pki = await loadOrCreateBranchPki(dir.path, 'RACE-01', ['127.0.0.1']);
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const cert = await pki.issueDeviceCert({ publicKeyPem: keys.publicKey, device: 'W-01', role: 'workstation' });
    server = createServer({ cert: pki.serverCertPem, key: pki.serverKeyPem }, (req, res) => {
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      // The second request on a kept-alive connection finds it closed, as when the server's idle timer fired.
      if (n === 2 && dropSecond) return void req.socket.destroy();
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, value: HELLO })));
    });
    server.on('secureConnection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = new BranchClient({ url, branchId: 'RACE-01', branchName: 'Race', device: 'W-01', caPem: pki.caPem, certPem: cert.certPem, keyPem: keys.privateKey });
  });
  afterAll(async () => {
    client.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    dir.remove();
  });

  it('sends the call again on a fresh connection and gets its answer', async () => {
    expect(await client.call('hello', {})).toMatchObject({ branchId: 'RACE-01' });
    expect(await client.call('hello', {})).toMatchObject({ branchId: 'RACE-01' });
    // The second call's first connection was dropped; its answer came on a new one.
    expect(connections).toBe(2);
  });

  it('still reports a link that is really down', async () => {
    dropSecond = false;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await expect(client.call('hello', {})).rejects.toBeInstanceOf(BranchUnreachable);
  });
});
