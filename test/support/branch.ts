/** A branch server on a fresh database, and devices enrolled with it the way an administrator does. */
import { BranchClient, type BranchIdentity } from '../../src/core/branch/branchClient';
import { enrollWithBranch } from '../../src/core/branch/enroll';
import { startBranchServer, type BranchServer } from '../../src/branch/server';
import type { DeviceRole } from '../../src/shared/branch/wire';
import { freshDatabase } from './postgres';
import { tempDir } from './tempDir';

export interface TestBranch {
  server: BranchServer;
  dsn: string;
  dataDir: string;
  enroll(device: string, role?: DeviceRole): Promise<BranchIdentity>;
  client(device: string, role?: DeviceRole): Promise<BranchClient>;
  close(): Promise<void>;
}

export async function startTestBranch(branchId = 'TEST-01'): Promise<TestBranch> {
  const db = await freshDatabase();
  const dir = tempDir('azho-branch-');
  const server = await startBranchServer({ dsn: db.dsn, dataDir: dir.path, branchId, branchName: 'Сынақ филиалы', log: () => undefined });
  const clients: BranchClient[] = [];
  const enroll = async (device: string, role: DeviceRole = 'workstation') =>
    enrollWithBranch({
      enrollUrl: `https://127.0.0.1:${server.enrollPort}`,
      apiUrl: `https://127.0.0.1:${server.port}`,
      caPem: server.caPem,
      code: await server.makeEnrollmentCode(device, role),
    });
  return {
    server,
    dsn: db.dsn,
    dataDir: dir.path,
    enroll,
    async client(device, role) {
      const c = new BranchClient(await enroll(device, role));
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) c.close();
      await server.close();
      await db.drop();
      dir.remove();
    },
  };
}
