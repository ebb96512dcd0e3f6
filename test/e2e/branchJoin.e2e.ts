/**
 * The administrator joins a counter to its branch from Settings → Branch server (the branch's
 * addresses, its CA certificate and a one-time code), then the branch network is cut — the
 * server still up — and the header says the counter is cut off and serving from its own queue,
 * until the link returns. Screens in Kazakh and Russian.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBranchServer, type BranchServer } from '../../src/branch/server';
import { startLinkProxy, type LinkProxy } from '../support/linkProxy';
import { freshDatabase, postgresAvailable } from '../support/postgres';
import { test as base, expect } from './fixtures';
import { createAdmin, msg, saveScreen, switchLocale } from './steps';

interface Branch {
  server: BranchServer;
  /** The branch network between this counter and its server, which the test can cut. */
  network: LinkProxy;
}

const test = base.extend<{ branch: Branch }>({
  branch: async ({}, use) => {
    const db = await freshDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), 'azho-e2e-join-'));
    const server = await startBranchServer({ dsn: db.dsn, dataDir, branchId: 'JOIN-01', branchName: 'Ақтөбе қ. ХҚКО', log: () => undefined });
    const network = await startLinkProxy({ host: '127.0.0.1', port: server.port });
    try {
      await use({ server, network });
    } finally {
      await network.close();
      await server.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

// Without a PostgreSQL the branch's journeys are not defined here: test/support/postgres.ts says so
// once (and fails in CI, which always has one).

if (postgresAvailable) {
  test('the administrator joins the counter to its branch; cut off, the header says so until the link returns', async ({ app: page, branch }) => {
    await createAdmin(page);
    await page.getByRole('button', { name: msg('kk', 'nav.settings') }).click();
    const form = page.getByTestId('branch-enroll-form');
    await form.getByLabel(msg('kk', 'branch.enroll.enrollUrl'), { exact: true }).fill(`https://127.0.0.1:${branch.server.enrollPort}`);
    await form.getByLabel(msg('kk', 'branch.enroll.apiUrl'), { exact: true }).fill(branch.network.url);
    await form.getByLabel(msg('kk', 'branch.enroll.caPem'), { exact: true }).fill(branch.server.caPem);
    const code = form.getByLabel(msg('kk', 'branch.enroll.code'), { exact: true });

    // A code the administrator never made is refused at its field, and nothing is joined.
    await code.fill('ABCD-EFGH-JKLM-NPQR');
    await form.getByRole('button', { name: msg('kk', 'branch.enroll.submit') }).click();
    await expect(form.getByText(msg('kk', 'branch.enroll.codeRefused'))).toBeVisible();
    await expect(page.getByTestId('branch-indicator')).toHaveCount(0);

    // The real one, typed as a person might: lower case, with spaces.
    const real = await branch.server.makeEnrollmentCode('W-09', 'workstation');
    await code.fill(real.toLowerCase().replaceAll('-', ' '));
    await form.getByRole('button', { name: msg('kk', 'branch.enroll.submit') }).click();
    await expect(page.getByText(msg('kk', 'branch.enroll.done', { branch: 'Ақтөбе қ. ХҚКО', device: 'W-09' }))).toBeVisible();
    const indicator = page.getByTestId('branch-indicator');
    await expect(indicator).toHaveAttribute('data-branch', 'online', { timeout: 15_000 });
    await saveScreen(page, 'branch-joined', 'kk');
    await switchLocale(page, 'ru');
    await saveScreen(page, 'branch-joined', 'ru');
    await switchLocale(page, 'kk');

    // The branch network goes down; the server is still up.
    branch.network.block();
    await expect(indicator).toHaveAttribute('data-branch', 'offline', { timeout: 30_000 });
    await page.getByRole('button', { name: msg('kk', 'nav.home') }).click();
    await saveScreen(page, 'branch-cut-off', 'kk');
    await switchLocale(page, 'ru');
    await saveScreen(page, 'branch-cut-off', 'ru');

    branch.network.unblock();
    await expect(indicator).toHaveAttribute('data-branch', 'online', { timeout: 30_000 });
  });
}
