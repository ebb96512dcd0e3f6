/**
 * The forward step's scans and the operator's signature, in the browser against the real core:
 * pages attached from the file picker and by dropping, a file the core refuses said in words,
 * a page moved, the viewer, a wrong key password; the training key signs and the verified
 * signature lets the request go on — until a page added afterwards asks for signing again.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { backToCase, currentPanel, expectStep, fitsWidth, newCase, requestForm, SARSENOV } from './cases';
import { expect, test } from './fixtures';
import { admin } from './people';
import { msg, saveScreen, switchLocale, type Locale } from './steps';

// S2's act is repealed: only training opens it. Its forward step is the act's own "scan and sign".
test.use({ hostOptions: { training: true } });

const S2 = 's2-ekibastuz-168-2';

/**
 * The training key's holder (resources/training-pki/README.md): the operator who signs must be
 * the certificate's person, so this journey logs in as him rather than as people.ts's operator.
 */
const KEY_HOLDER = { login: 'nurlan', fullName: 'Сейітов Нұрлан', iin: '880512300779', password: 'Қолтаңба-құпиясөзі-9' };
const TRAINING_KEY = fileURLToPath(new URL('../../resources/training-pki/operator-valid.p12', import.meta.url));
/** Every training container opens with this password (resources/training-pki/README.md). */
const TRAINING_KEY_PASSWORD = 'Training-2026';

const scanCatalogs = new Map<Locale, Record<string, string>>();
/** The scans' own sentences (src/renderer/i18n/scans.*.json). */
function scanMsg(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let catalog = scanCatalogs.get(locale);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(fileURLToPath(new URL(`../../src/renderer/i18n/scans.${locale}.json`, import.meta.url)), 'utf8')) as Record<string, string>;
    scanCatalogs.set(locale, catalog);
  }
  const text = catalog[key];
  if (text === undefined) throw new Error(`no message ${key} in scans.${locale}.json`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** A small page: a white sheet with a coloured heading band and a few lines of "text". */
async function pageImage(format: 'jpeg' | 'png', band: string, width = 420, height = 594): Promise<Buffer> {
  const lines = Array.from({ length: 10 }, (_, i) => `<rect x="40" y="${150 + i * 36}" width="${200 + (i % 3) * 60}" height="10" fill="#333"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><rect x="40" y="40" width="${width - 80}" height="60" fill="${band}"/>${lines}</svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'jpeg' ? image.jpeg({ quality: 85 }).toBuffer() : image.png().toBuffer();
}

/** The administrator and the key's holder as an operator, logged in, through the contract (as cases.ts does). */
async function keyHolderLoggedIn(page: Page): Promise<void> {
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  const temporary = 'Уақытша-құпиясөз-1';
  const failures = await page.evaluate(
    async ({ admin, holder, temporary }) => {
      const call = async (name: string, input: unknown) => {
        const response = await fetch(`/api/call/${name}`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
        const body = (await response.json()) as { ok: boolean; error?: { code: string } };
        return body.ok ? null : `${name}: ${body.error?.code}`;
      };
      return [
        await call('setup.createAdmin', { login: admin.login, fullName: admin.fullName, iin: admin.iin, password: admin.password }),
        await call('operators.create', { login: holder.login, fullName: holder.fullName, iin: holder.iin, role: 'operator', password: temporary }),
        await call('auth.logout', {}),
        await call('auth.login', { login: holder.login, password: temporary }),
        await call('auth.changePassword', { current: temporary, next: holder.password }),
      ].filter(Boolean);
    },
    { admin, holder: KEY_HOLDER, temporary },
  );
  expect(failures).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('home-view')).toBeVisible();
}

function documentRow(page: Page, documentId: string) {
  return page.getByTestId('scan-panel').locator(`[data-testid="scan-doc"][data-document="${documentId}"]`);
}

async function pageOrder(page: Page, documentId: string): Promise<string[]> {
  return documentRow(page, documentId).getByTestId('scan-page').evaluateAll((items) => items.map((item) => item.getAttribute('data-scan-id') ?? ''));
}

/** Drops files on a document as the operator's file manager would. */
async function dropFiles(page: Page, documentId: string, files: { name: string; type: string; bytes: Buffer }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    // The page's globals; the Node tsconfig has no DOM.
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
      atob(text: string): string;
    };
    const data = new g.DataTransfer();
    for (const file of list) data.items.add(new g.File([Uint8Array.from(g.atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }));
    return data;
  }, files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') })));
  const row = documentRow(page, documentId);
  await row.dispatchEvent('dragenter', { dataTransfer: transfer });
  await expect(row).toHaveClass(/scan-doc--over/);
  await row.dispatchEvent('dragover', { dataTransfer: transfer });
  await row.dispatchEvent('drop', { dataTransfer: transfer });
}

test('the documents scanned, a page moved, the training key signs, and the request goes on', async ({ app: page }) => {
  await keyHolderLoggedIn(page);
  await newCase(page, 'жұмыссыз', S2);
  await requestForm(page, SARSENOV.iin);
  await expectStep(page, 'p5');
  const panel = page.getByTestId('scan-panel');
  const forward = currentPanel(page).getByTestId('forward');

  // Nothing scanned yet: both required documents stand out, and forwarding waits for the signature.
  await expect(panel.locator('[data-testid="scan-doc"][data-missing]')).toHaveCount(2);
  await expect(forward).toBeDisabled();
  await expect(page.getByTestId('sign-first')).toHaveText(scanMsg('kk', 'forward.signFirst'));

  // Two pages of the application from the file picker, and a file that is no scan at all.
  const first = await pageImage('jpeg', '#155d9c');
  const second = await pageImage('png', '#00838f');
  await documentRow(page, 'application').getByTestId('scan-file').setInputFiles([
    { name: 'өтініш-1.jpg', mimeType: 'image/jpeg', buffer: first },
    { name: 'өтініш-2.png', mimeType: 'image/png', buffer: second },
    { name: 'ескертпе.txt', mimeType: 'text/plain', buffer: Buffer.from('бұл скан емес') },
  ]);
  await expect(documentRow(page, 'application').getByTestId('scan-page')).toHaveCount(2);
  await expect(documentRow(page, 'application').getByTestId('scan-page').first().locator('img')).toBeVisible();
  const refused = documentRow(page, 'application').getByTestId('scan-refused');
  await expect(refused).toContainText('ескертпе.txt');
  await expect(refused).toContainText(scanMsg('kk', 'reason.scan.unknownType'));

  // The identity document by dropping a page on it.
  await dropFiles(page, 'applicantIdentity', [{ name: 'куәлік.png', type: 'image/png', bytes: await pageImage('png', '#b3261e', 594, 420) }]);
  await expect(documentRow(page, 'applicantIdentity').getByTestId('scan-page')).toHaveCount(1);
  await expect(panel.locator('[data-testid="scan-doc"][data-missing]')).toHaveCount(0);

  // The second page goes first, by the keyboard; the focus stays with the page it moved.
  const [one, two] = await pageOrder(page, 'application');
  const later = documentRow(page, 'application').locator(`[data-scan-id="${one}"] [data-move="later"]`);
  await later.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => pageOrder(page, 'application')).toEqual([two, one]);
  await expect(documentRow(page, 'application').locator(`[data-scan-id="${one}"] [data-move="earlier"]`)).toBeFocused();

  // The viewer draws the page at its width; turning it is kept.
  await documentRow(page, 'application').getByTestId('scan-open').first().click();
  const viewer = page.getByTestId('scan-viewer');
  await expect(viewer.getByTestId('viewer-page')).toBeVisible();
  await viewer.getByTestId('viewer-rotate-right').click();
  await expect(viewer).toHaveAttribute('data-rotation', '90');
  await page.keyboard.press('ArrowRight');
  await expect(viewer).toHaveAttribute('data-scan-id', one!);
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await fitsWidth(page);
  await saveScreen(page, 'scans-attached', 'kk');
  await switchLocale(page, 'ru');
  await expect(page.getByTestId('scans-count')).toHaveText(scanMsg('ru', 'scans.count', { scanned: 2, total: 2 }));
  await saveScreen(page, 'scans-attached', 'ru');
  await switchLocale(page, 'kk');

  // What will be signed: the case and each scan by its hash.
  const signing = page.getByTestId('signing-panel');
  await expect(signing.getByTestId('signing-what').locator('li')).toHaveCount(3);
  const pkcs12 = signing.getByTestId('signer-pkcs12');
  if (await pkcs12.count()) await pkcs12.check();

  // A wrong password is said beside the password field; the password field is emptied.
  await signing.getByTestId('key-file').setInputFiles(TRAINING_KEY);
  await signing.getByTestId('key-password').fill('wrong-password');
  await signing.getByTestId('key-password').press('Enter');
  await expect(signing).toContainText(msg('kk', 'error.KEY_PASSWORD_WRONG'));
  await expect(signing.getByTestId('key-password')).toHaveValue('');
  await expect(forward).toBeDisabled();

  await signing.getByTestId('key-password').fill(TRAINING_KEY_PASSWORD);
  await signing.getByTestId('sign').click();
  const signature = signing.getByTestId('signature');
  await expect(signature.getByTestId('signature-verified')).toBeVisible();
  await expect(signature).toHaveAttribute('data-state', 'valid');
  await expect(signature.getByTestId('signature-iin')).toHaveText(KEY_HOLDER.iin);
  await expect(signature.getByTestId('signature-subject')).toContainText('СЕЙІТОВ');
  await expect(signature.getByTestId('signature-scans')).toHaveText('3');
  await expect(page.getByTestId('scans-signed')).toHaveText(scanMsg('kk', 'scans.signedNote'));
  await expect(forward).toBeEnabled();
  await fitsWidth(page);
  await saveScreen(page, 'scans-signed', 'kk');
  await switchLocale(page, 'ru');
  await expect(signature.getByTestId('signature-verified')).toHaveText(scanMsg('ru', 'signing.verified'));
  await saveScreen(page, 'scans-signed', 'ru');
  await switchLocale(page, 'kk');

  // A page added after signing: the signature no longer covers the scans, and forwarding waits again.
  await dropFiles(page, 'applicantIdentity', [{ name: 'куәлік-2.png', type: 'image/png', bytes: await pageImage('png', '#6b4a00', 594, 420) }]);
  await expect(documentRow(page, 'applicantIdentity').getByTestId('scan-page')).toHaveCount(2);
  await expect(signature).toHaveAttribute('data-state', 'stale');
  await expect(signing.getByTestId('signature-stale')).toHaveText(scanMsg('kk', 'signing.stale'));
  await expect(forward).toBeDisabled();
  await expect(signing.getByTestId('signing-what').locator('li')).toHaveCount(4);
  if (await pkcs12.count()) await pkcs12.check();
  await signing.getByTestId('key-file').setInputFiles(TRAINING_KEY);
  await signing.getByTestId('key-password').fill(TRAINING_KEY_PASSWORD);
  await signing.getByTestId('sign').click();
  await expect(signature).toHaveAttribute('data-state', 'valid');
  await expect(signature.getByTestId('signature-scans')).toHaveText('4');
  await expect(forward).toBeEnabled();

  await forward.click();
  await expect(page.getByTestId('document-view')).toHaveAttribute('data-kind', 'receipt');
  await backToCase(page);
  await expect(page.getByTestId('case-screen')).not.toHaveAttribute('data-step', 'p5');
  // Forwarded, the scans are fixed with the case.
  await expect(page.getByTestId('scan-panel')).toHaveCount(0);
});
