/**
 * Each test gets its own web host (the real core, a fresh data folder) and a page that has
 * opened the host's one-time URL. The host is built by `npm run build` into out/host/cli.js.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const CLI = fileURLToPath(new URL('../../out/host/cli.js', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface HostOptions {
  training?: boolean;
  /** How long the simulated target systems take to decide (0: at once). */
  decisionDelaySeconds?: number;
  idleLockSeconds?: number;
  /** Files written into the data folder before the host starts, by name: a damaged database. */
  dataFiles?: Record<string, string>;
}

export interface RunningHost {
  /** The one-time URL the host printed; it lets exactly one browser in. */
  url: string;
  /** The hall's screens, each a one-time URL for a browser of its own: the queue board and the kiosk. */
  boardUrl: string;
  kioskUrl: string;
  dataDir: string;
  output(): string;
}

type Links = Pick<RunningHost, 'url' | 'boardUrl' | 'kioskUrl'>;

function waitForUrl(child: ChildProcess, output: () => string): Promise<Links> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`host printed no AZHO_URL within ${START_TIMEOUT_MS} ms:\n${output()}`)), START_TIMEOUT_MS);
    const check = () => {
      const link = (name: string) => new RegExp(`^${name}=(\\S+)$`, 'm').exec(output())?.[1];
      // The hall's links are printed after the operators' ones.
      const [url, boardUrl, kioskUrl] = [link('AZHO_URL'), link('AZHO_BOARD_URL'), link('AZHO_KIOSK_URL')];
      if (url && boardUrl && kioskUrl) {
        clearTimeout(timer);
        resolvePromise({ url, boardUrl, kioskUrl });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before it was ready:\n${output()}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ hostOptions: HostOptions; host: RunningHost; app: Page }>({
  hostOptions: [{}, { option: true }],

  host: async ({ hostOptions }, use, testInfo) => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
    const dataDir = await mkdtemp(join(tmpdir(), 'azho-e2e-'));
    for (const [name, content] of Object.entries(hostOptions.dataFiles ?? {})) await writeFile(join(dataDir, name), content);
    const args = [CLI, '--data-dir', dataDir, '--port', '0'];
    if (hostOptions.training) args.push('--training');
    // The state systems are the simulator, in its own process, over TLS — deciding at once unless a test wants to wait.
    args.push('--simulator', '--decision-delay-seconds', String(hostOptions.decisionDelaySeconds ?? 0));
    // The training PKI's authorities are trusted, as a branch's trust folder would be: the operator signs with its keys.
    args.push('--trust-dir', fileURLToPath(new URL('../../resources/training-pki', import.meta.url)));
    if (hostOptions.idleLockSeconds !== undefined) args.push('--idle-lock-seconds', String(hostOptions.idleLockSeconds));
    // The Node running Playwright (22, through npm scripts) runs the host: the same ABI as its SQLite build.
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AZHO_PASSPHRASE: '' } });
    let log = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    try {
      const links = await waitForUrl(child, () => log);
      await use({ ...links, dataDir, output: () => log });
    } finally {
      await stop(child);
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host-output', { body: log, contentType: 'text/plain' });
      await rm(dataDir, { recursive: true, force: true });
    }
  },

  app: async ({ page, host }, use) => {
    const problems: string[] = [];
    // A CSP violation or an uncaught error is a bug even when the screen looks right.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(host.url);
    await use(page);
    expect(problems, 'console errors in the page').toEqual([]);
  },
});

export { expect };
