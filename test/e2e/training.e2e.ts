/**
 * Training: an administrator makes a trainer and a trainee; the trainer (one browser) starts a
 * scenario for the trainee, the trainee (a second browser, a session of their own) calls the
 * walk-in's ticket, follows the hints beside the case and finishes it, while the trainer's screen
 * shows each step as it happens and the score at the end. Then a wrong walk, scored with the rule
 * it broke. Screenshots go to test-results/screenshots/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { backToCase, expectStep, requestForm, signWithTrainingKey } from './cases';
import { test, expect } from './fixtures';
import { currentTicket, goToSection, openPage, setWindow } from './hall';
import { admin, operator, validIin } from './people';
import { msg as baseMsg, type Locale, type PageGlobals } from './steps';

const ROOT = new URL('../../', import.meta.url);
const CLI = fileURLToPath(new URL('out/host/cli.js', ROOT));
const SHOTS = fileURLToPath(new URL('test-results/screenshots', ROOT));

/** The training screens keep their sentences in training.*.json (src/renderer/i18n/catalog.ts). */
const trainingCatalogs = new Map<Locale, Record<string, string>>();
function msg(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let own = trainingCatalogs.get(locale);
  if (!own) {
    own = JSON.parse(readFileSync(fileURLToPath(new URL(`src/renderer/i18n/training.${locale}.json`, ROOT)), 'utf8')) as Record<string, string>;
    trainingCatalogs.set(locale, own);
  }
  const text = own[key];
  if (text === undefined) return baseMsg(locale, key, params);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

interface ScenarioFile {
  id: string;
  walkIn: { applicantIin: string; brings: string[] };
  path: { step: string }[];
}
const scenario = (id: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`resources/training/${id}.json`, ROOT)), 'utf8')) as ScenarioFile;

/** The trainee signs with the training key, so they are its holder (the e2e operator). */
const trainee = operator;
const trainer = { login: 'zhanar.trainer', fullName: 'Құдайбергенова Жанар Өмірбекқызы', iin: validIin('790405', 4), newPassword: 'Жаттықтырушы-құпиясөз-3' };
const TEMPORARY = 'Уақытша-құпиясөз-1';

interface TrainingHost {
  urls: string[];
  stop(): Promise<void>;
  output(): string;
}

/** A training web host with two one-time links: the trainer's browser and the trainee's. */
async function startTrainingHost(): Promise<TrainingHost> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const dataDir = await mkdtemp(join(tmpdir(), 'azho-e2e-training-'));
  const args = [CLI, '--data-dir', dataDir, '--port', '0', '--training', '--links', '2', '--simulator', '--decision-delay-seconds', '0'];
  args.push('--trust-dir', fileURLToPath(new URL('resources/training-pki', ROOT)));
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AZHO_PASSPHRASE: '' } });
  let log = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const urls = await new Promise<string[]>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no links within 30 s:\n${log}`)), 30_000);
    child.stdout?.on('data', () => {
      const found = [...log.matchAll(/^AZHO_URL=(\S+)$/gm)].map((m) => m[1]!);
      // The hall's links come after the operators' ones: both of ours are printed by then.
      if (found.length >= 2 && /^AZHO_KIOSK_URL=/m.test(log)) {
        clearTimeout(timer);
        done(found);
      }
    });
    child.once('exit', (code) => fail(new Error(`host exited with ${code}:\n${log}`)));
  });
  return {
    urls,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(kill);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function call(page: Page, name: string, input: unknown): Promise<string | null> {
  return page.evaluate(
    async ({ name, input }) => {
      const response = await fetch(`/api/call/${name}`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      const body = (await response.json()) as { ok: boolean; error?: { code: string } };
      return body.ok ? null : `${name}: ${body.error?.code}`;
    },
    { name, input },
  );
}

/** Logs a person in through the contract, changing the temporary password, and reloads the page. */
async function loggedIn(page: Page, person: { login: string; newPassword: string }): Promise<void> {
  await expect(page.getByTestId('login-screen')).toBeVisible();
  expect([await call(page, 'auth.login', { login: person.login, password: TEMPORARY }), await call(page, 'auth.changePassword', { current: TEMPORARY, next: person.newPassword })].filter(Boolean)).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('home-view')).toBeVisible();
}

async function shot(page: Page, name: string, locale: Locale): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: resolve(SHOTS, `training-${name}-${locale}.png`), fullPage: true });
}

async function switchTo(page: Page, locale: Locale): Promise<void> {
  await page.getByTestId('language-switch').getByRole('button', { name: msg(locale, `locale.${locale}.short`), exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

async function browserFor(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext();
  return openPage(await context.newPage(), url, problems);
}

/** The trainer starts a scenario for the trainee at a window; returns the run's card. */
async function startRun(page: Page, scenarioId: string, window: string) {
  const card = page.locator(`[data-testid="scenario"][data-scenario="${scenarioId}"]`);
  await card.getByRole('button', { name: msg('kk', 'training.start.open') }).click();
  const form = page.getByTestId('start-run');
  await form.getByLabel(msg('kk', 'training.start.trainee'), { exact: true }).fill(trainee.login);
  await form.getByLabel(msg('kk', 'training.start.window'), { exact: true }).fill(window);
  await form.getByRole('button', { name: msg('kk', 'training.start.submit') }).click();
  await expect(form).toHaveCount(0);
  const run = page.getByTestId('run').first();
  await expect(run).toContainText(trainee.fullName);
  return run;
}

/** The trainee at the window: the walk-in's ticket called (F5) and served into a case (F8). */
async function callAndServe(page: Page, ticket: string): Promise<void> {
  await page.keyboard.press('F5');
  await expect(currentTicket(page)).toHaveAttribute('data-number', ticket);
  await page.keyboard.press('F8');
  const start = page.getByTestId('start-service-form');
  await start.getByRole('button', { name: baseMsg('kk', 'queue.start.submit') }).click();
  await expect(page.getByTestId('case-screen')).toBeVisible();
}

/** The hand-over with exactly the documents named ticked. */
async function handOverOnly(page: Page, documents: string[]): Promise<void> {
  await expectStep(page, 'start');
  const form = page.getByTestId('hand-over-form');
  const boxes = form.locator('input[type="checkbox"]');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const name = (await box.getAttribute('name')) ?? '';
    if (documents.includes(name)) await box.check();
    else await box.uncheck();
  }
  await form.getByRole('button', { name: baseMsg('kk', 'handOver.submit') }).click();
}

const stepOf = (page: Page, list: string, step: string) => page.getByTestId(list).locator(`[data-step="${step}"]`);

test('a trainer starts a scenario and watches the trainee walk it to the score; a wrong walk is scored with the rule it broke', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await startTrainingHost();
  const problems: string[] = [];
  try {
    const plain = scenario('01-plain-case');
    // ---- The administrator makes the trainer's and the trainee's accounts. ----
    const desk = await browserFor(browser, host.urls[0]!, problems);
    await expect(desk.getByTestId('setup-screen')).toBeVisible();
    await expect(desk.getByTestId('training-banner')).toBeVisible();
    expect(
      [
        await call(desk, 'setup.createAdmin', { login: admin.login, fullName: admin.fullName, iin: admin.iin, password: admin.password }),
        await call(desk, 'operators.create', { login: trainer.login, fullName: trainer.fullName, iin: trainer.iin, role: 'trainer', password: TEMPORARY }),
        await call(desk, 'operators.create', { login: trainee.login, fullName: trainee.fullName, iin: trainee.iin, role: 'operator', password: TEMPORARY }),
        await call(desk, 'auth.logout', {}),
      ].filter(Boolean),
    ).toEqual([]);

    // ---- The trainer: the scenarios, and one started for the trainee at window 1. ----
    await desk.reload();
    await loggedIn(desk, trainer);
    await desk.getByRole('navigation', { name: msg('kk', 'nav.label') }).getByRole('button', { name: msg('kk', 'nav.training') }).click();
    const view = desk.getByTestId('trainer-view');
    await expect(view.getByTestId('scenario')).toHaveCount(readdirCount());
    await expect(view.getByTestId('runs-empty')).toBeVisible();
    await expect(desk.getByTestId('training-banner')).toBeVisible();
    await shot(desk, 'trainer-scenarios', 'kk');

    // The login is checked before anything is sent.
    await view.locator(`[data-scenario="${plain.id}"]`).getByRole('button', { name: msg('kk', 'training.start.open') }).click();
    const form = desk.getByTestId('start-run');
    await form.getByLabel(msg('kk', 'training.start.trainee'), { exact: true }).fill('ә');
    await form.getByRole('button', { name: msg('kk', 'training.start.submit') }).click();
    await expect(form).toContainText(baseMsg('kk', 'reason.tooShort'));
    // A login of the right shape that no one who serves applicants has: the core says so beside the field.
    await form.getByLabel(msg('kk', 'training.start.trainee'), { exact: true }).fill('nobody.here');
    await form.getByRole('button', { name: msg('kk', 'training.start.submit') }).click();
    await expect(form).toContainText(msg('kk', 'reason.training.traineeUnknown'));
    await form.getByRole('button', { name: baseMsg('kk', 'action.cancel') }).click();

    const run = await startRun(desk, plain.id, '1');
    await expect(run).toHaveAttribute('data-state', 'waiting');
    const ticket = (await run.getByTestId('run-ticket').innerText()).trim();
    expect(ticket).toMatch(/^[A-ZА-ЯӘҒҚҢӨҰҮҺІ]-?\d{3}$/);
    const runSteps = run.getByTestId('run-steps').locator('[data-step]');
    await expect(runSteps).toHaveCount(plain.path.length);
    await expect(runSteps.first()).toHaveAttribute('data-state', /pending|current/);

    // ---- The trainee, in a browser of their own: who is waiting, the ticket, the case. ----
    const counter = await browserFor(browser, host.urls[1]!, problems);
    await loggedIn(counter, trainee);
    const notice = counter.getByTestId('trainee-notice');
    await expect(notice).toContainText(msg('kk', 'training.trainee.waitingTicket', { number: ticket }));
    await expect(notice.getByTestId('walk-in')).toContainText(plain.walkIn.applicantIin);
    await shot(counter, 'trainee-waiting', 'kk');
    await notice.getByRole('button', { name: msg('kk', 'training.trainee.toQueue') }).click();
    await setWindow(counter, '1', ['A']);
    await callAndServe(counter, ticket);

    const panel = counter.getByTestId('trainee-panel');
    await expect(panel).toBeVisible();
    await expect(stepOf(counter, 'trainee-steps', 'start')).toHaveAttribute('data-state', 'current');
    // On top of the panel, the current step: the hint and the act's own words with the seed and the item.
    const now = counter.getByTestId('trainee-now');
    await expect(now).toHaveAttribute('data-step', 'start');
    await expect(now.locator('.run-step-hint')).not.toBeEmpty();
    await expect(now.locator('blockquote[lang="kk"]')).not.toBeEmpty();
    await expect(now.locator('.act-words-citation')).toContainText(/\d{3}_[0-9a-f]{16}\.txt/);
    // The act's whole text for the step opens from there, in the case screen's own dialog.
    await now.getByRole('button', { name: baseMsg('kk', 'act.open') }).click();
    await expect(counter.getByTestId('act-text')).toBeVisible();
    await counter.keyboard.press('Escape');
    await expect(counter.getByTestId('act-text')).toHaveCount(0);
    // The panel stands beside the case's controls, never over them, and leaves the form room to work.
    const panelBox = (await panel.boundingBox())!;
    const formBox = (await counter.getByTestId('current-panel').boundingBox())!;
    expect(panelBox.x, 'the panel starts right of the current step').toBeGreaterThanOrEqual(formBox.x + formBox.width);
    expect(formBox.width, 'the current step keeps a usable width').toBeGreaterThanOrEqual(440);
    await shot(counter, 'trainee-case', 'kk');

    // The trainer's screen has the case now, live.
    await expect(run.getByTestId('run-case')).toHaveText(/^A-\d{8}-\d{4}$/);
    await expect(run).toHaveAttribute('data-state', 'inProgress');

    // ---- Step by step: the hand-over, the request form, the forward. ----
    await handOverOnly(counter, plain.walkIn.brings);
    await expectStep(counter, 'p2');
    await expect(stepOf(desk, 'run-steps', 'start')).toHaveAttribute('data-state', 'right');
    await expect(stepOf(desk, 'run-steps', 'p2')).toHaveAttribute('data-state', 'current');
    await shot(desk, 'trainer-live', 'kk');

    await requestForm(counter, plain.walkIn.applicantIin);
    await expectStep(counter, 'p5');
    await expect(stepOf(desk, 'run-steps', 'p2')).toHaveAttribute('data-state', 'right');
    await expect(stepOf(desk, 'run-steps', 'c1')).toHaveAttribute('data-state', 'right');
    await expect(stepOf(desk, 'run-steps', 'p5')).toHaveAttribute('data-state', 'current');
    await expect(stepOf(counter, 'trainee-steps', 'p5')).toHaveAttribute('data-state', 'current');
    await expect(now).toHaveAttribute('data-step', 'p5');
    await shot(counter, 'trainee-forward', 'kk');

    await signWithTrainingKey(counter);
    await counter.getByTestId('forward').click();
    await expect(counter.getByTestId('document-view')).toHaveAttribute('data-kind', 'receipt');
    await backToCase(counter);
    await expect(counter.getByTestId('case-screen')).toHaveAttribute('data-status', 'resultReady');

    // ---- The end: the score on both screens. ----
    await expect(run).toHaveAttribute('data-state', 'finished');
    const score = run.getByTestId('score-card');
    await expect(score).toHaveAttribute('data-passed', 'true');
    await expect(score.getByTestId('score-steps')).toContainText(msg('kk', 'training.score.ofTotal', { n: plain.path.length, total: plain.path.length }));
    await expect(score.getByTestId('score-mistakes')).toContainText('0');
    // Beside the panel, the case's requests to the state systems still fit their column: nothing to scroll sideways to.
    const outbox = counter.getByTestId('case-outbox').locator('.table-wrap');
    const overflow = await outbox.evaluate((el) => (el as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth - (el as unknown as { clientWidth: number }).clientWidth);
    expect(overflow, 'sideways overflow of the requests table in px').toBeLessThanOrEqual(0);
    const traineeScore = counter.getByTestId('trainee-score');
    await expect(traineeScore).toHaveAttribute('data-passed', 'true');
    await shot(counter, 'trainee-score', 'kk');
    await shot(desk, 'trainer-finished', 'kk');

    // ---- A wrong walk: a document the applicant did not bring ticked as handed over. ----
    const missing = scenario('06-document-missing');
    await desk.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    const wrong = await startRun(desk, missing.id, '1');
    const wrongTicket = (await wrong.getByTestId('run-ticket').innerText()).trim();
    // The first walk-in's ticket is closed (F9) before the next one is called.
    await goToSection(counter, 'nav.queue');
    await expect(currentTicket(counter)).toHaveAttribute('data-state', 'serving');
    await counter.keyboard.press('F9');
    await expect(counter.getByTestId('queue-done')).toHaveText(baseMsg('kk', 'queue.done.finished', { number: ticket }));
    await callAndServe(counter, wrongTicket);
    const boxes = counter.getByTestId('hand-over-form').locator('input[type="checkbox"]');
    // The checklist renders after the case opens: read it only once its boxes are there.
    await expect(boxes.first()).toBeVisible();
    const everything = await boxes.evaluateAll((boxes) => boxes.map((b) => (b as unknown as { name: string }).name));
    const notBrought = everything.filter((name) => !missing.walkIn.brings.includes(name));
    expect(notBrought.length).toBeGreaterThan(0);
    await handOverOnly(counter, everything);
    // The trainer ends the run there; the score names the mistake and the act's rule (its words, seed and item).
    await wrong.getByRole('button', { name: msg('kk', 'training.run.stop') }).click();
    await expect(wrong).toHaveAttribute('data-state', 'stopped');
    const wrongScore = wrong.getByTestId('score-card');
    await expect(wrongScore).toHaveAttribute('data-passed', 'false');
    const mistake = wrongScore.locator('.score-mistake').first();
    await expect(mistake.locator('blockquote[lang="kk"]')).not.toBeEmpty();
    await expect(mistake.locator('.act-words-citation')).toContainText(/\d{3}_[0-9a-f]{16}\.txt/);
    await shot(desk, 'trainer-wrong', 'kk');

    // ---- The trainer's screen in Russian and English. ----
    await switchTo(desk, 'ru');
    await expect(desk.getByRole('heading', { name: msg('ru', 'training.trainer.title') })).toBeVisible();
    await shot(desk, 'trainer', 'ru');
    await switchTo(desk, 'en');
    await expect(desk.getByRole('heading', { name: msg('en', 'training.trainer.title') })).toBeVisible();
    await shot(desk, 'trainer', 'en');
    await switchTo(desk, 'kk');

    // ---- Reset: says what goes and what stays, then clears the runs. ----
    await desk.getByTestId('training-reset').click();
    const confirm = desk.getByTestId('reset-confirm');
    await expect(confirm).toContainText(msg('kk', 'training.reset.keptAccounts'));
    await shot(desk, 'trainer-reset', 'kk');
    await desk.getByRole('dialog').getByRole('button', { name: msg('kk', 'training.reset.confirm') }).click();
    await expect(desk.getByTestId('reset-done')).toBeVisible();
    await expect(desk.getByTestId('runs-empty')).toBeVisible();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- host output ---\n${host.output().slice(-4000)}`, { cause: error });
  } finally {
    await host.stop();
  }
  expect(problems, 'console errors in the pages').toEqual([]);
});

function readdirCount(): number {
  return readdirSync(fileURLToPath(new URL('resources/training/', ROOT))).filter((name) => name.endsWith('.json')).length;
}
