import { describe, expect, it } from 'vitest';
import { MAX_SCAN_BYTES, type CaseScans, type ScanView, type SignatureView } from '../../shared/scans';
import { translate, type MessageKey } from '../i18n/catalog';
import {
  cameraProblem, formatSize, inViewerOrder, localDate, MAX_KEY_FILE_BYTES, missingItems, movedOrder, nextZoom, pagesOf,
  precheckFile, shortHash, signatureState, toBase64, turned, viewWidth, withScan,
} from './scanLogic';

const scan = (id: number, documentId: string, page: number, patch: Partial<ScanView> = {}): ScanView => ({
  id,
  caseId: 1,
  documentId,
  page,
  type: 'jpeg',
  size: 1000,
  sha256: `h${id}`,
  pages: 1,
  rotation: 0,
  source: 'file',
  thumbnail: null,
  createdAt: '2026-11-23T05:00:00.000Z',
  ...patch,
});
const item = (documentId: string, scans: number, optional = false) => ({ documentId, title: { kk: documentId, ru: documentId, en: documentId }, optional, scans });
const signature = (scans: { scanId: number; sha256: string }[], verified = true): SignatureView => ({
  signedAt: '2026-11-23T05:00:00.000Z',
  signer: 'pkcs12',
  subject: 'CN=ОПЕРАТОР, SERIALNUMBER=IIN900101300123',
  iin: '900101300123',
  serialNumber: '01',
  issuer: 'CN=Training CA',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  scans,
  verified,
});

describe('pages by document', () => {
  const data: CaseScans = {
    scans: [scan(3, 'identity', 2), scan(1, 'application', 1), scan(2, 'identity', 1), scan(9, 'gone', 1)],
    checklist: [item('application', 1), item('identity', 2), item('poa', 0, true), item('birth', 0)],
    locked: false,
  };

  it('keeps each document in page order, and the viewer goes through the checklist, then the rest', () => {
    expect(pagesOf(data.scans, 'identity').map((s) => s.id)).toEqual([2, 3]);
    expect(inViewerOrder(data).map((s) => s.id)).toEqual([1, 2, 3, 9]);
  });

  it('counts as missing only the required documents without a page', () => {
    expect(missingItems(data.checklist).map((i) => i.documentId)).toEqual(['birth']);
  });

  it('moves a page one place within its document, never past an end', () => {
    const pages = pagesOf(data.scans, 'identity');
    expect(movedOrder(pages, 3, -1)).toEqual([3, 2]);
    expect(movedOrder(pages, 2, 1)).toEqual([3, 2]);
    expect(movedOrder(pages, 2, -1)).toBeNull();
    expect(movedOrder(pages, 3, 1)).toBeNull();
    expect(movedOrder(pages, 1, 1)).toBeNull();
  });

  it('turns a page a quarter at a time, both ways round', () => {
    expect(turned(0, 1)).toBe(90);
    expect(turned(270, 1)).toBe(0);
    expect(turned(0, -1)).toBe(270);
  });

  it('takes a rotated page in place', () => {
    const next = withScan(data, scan(2, 'identity', 1, { rotation: 90 }));
    expect(next.scans.map((s) => [s.id, s.rotation])).toEqual([[3, 0], [1, 0], [2, 90], [9, 0]]);
  });
});

describe('the signature', () => {
  const scans = [scan(1, 'application', 1), scan(2, 'identity', 1)];

  it('holds while it covers exactly the scans there are, verified', () => {
    expect(signatureState(null, scans)).toBe('none');
    expect(signatureState(undefined, scans)).toBe('none');
    expect(signatureState(signature([{ scanId: 2, sha256: 'h2' }, { scanId: 1, sha256: 'h1' }]), scans)).toBe('valid');
    expect(signatureState(signature([]), [])).toBe('valid');
  });

  it('needs renewal when a page was added, removed or replaced after signing', () => {
    expect(signatureState(signature([{ scanId: 1, sha256: 'h1' }]), scans)).toBe('stale');
    expect(signatureState(signature([{ scanId: 1, sha256: 'h1' }, { scanId: 2, sha256: 'h2' }, { scanId: 3, sha256: 'h3' }]), scans)).toBe('stale');
    expect(signatureState(signature([{ scanId: 1, sha256: 'h1' }, { scanId: 2, sha256: 'other' }]), scans)).toBe('stale');
    // The core no longer counts it as verified then; the screen says why.
    expect(signatureState(signature([{ scanId: 1, sha256: 'h1' }], false), scans)).toBe('stale');
  });

  it('is not accepted when the core could not verify it', () => {
    expect(signatureState(signature([{ scanId: 1, sha256: 'h1' }, { scanId: 2, sha256: 'h2' }], false), scans)).toBe('unverified');
    expect(signatureState(signature([], false), null)).toBe('unverified');
  });

  it('shows a hash short enough to compare by eye', () => {
    const hash = 'a'.repeat(8) + 'b'.repeat(50) + 'c'.repeat(6);
    expect(shortHash(hash)).toBe('aaaaaaaa…cccccc');
    expect(shortHash('abc')).toBe('abc');
  });
});

describe('files', () => {
  const t = (locale: 'kk' | 'ru' | 'en') => (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);

  it('gives sizes in the operator\'s language and units', () => {
    expect(formatSize(t('kk'), 'kk', 512)).toBe('512 Б');
    expect(formatSize(t('ru'), 'ru', 1536)).toBe('1,5 КБ');
    expect(formatSize(t('en'), 'en', 48 * 1024 + 300)).toBe('48 KB');
    expect(formatSize(t('kk'), 'kk', 2.1 * 1024 * 1024)).toBe('2,1 МБ');
    expect(formatSize(t('en'), 'en', 2.1 * 1024 * 1024)).toBe('2.1 MB');
  });

  it('refuses an empty or too large file before sending it, with the core\'s own reasons', () => {
    expect(precheckFile(0)).toBe('scan.empty');
    expect(precheckFile(MAX_SCAN_BYTES + 1)).toBe('scan.tooLarge');
    expect(precheckFile(MAX_SCAN_BYTES)).toBeNull();
  });

  it('encodes a key file as base64 in chunks, and a key file fits the contract\'s limit', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    const back = Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0));
    expect(back).toEqual(bytes);
    expect(toBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
    expect(Math.ceil(MAX_KEY_FILE_BYTES / 3) * 4).toBeLessThanOrEqual(64 * 1024);
  });

  it('reads a camera refusal as denied, missing, busy or failed', () => {
    expect(cameraProblem({ name: 'NotAllowedError' })).toBe('camera.denied');
    expect(cameraProblem({ name: 'NotFoundError' })).toBe('camera.none');
    expect(cameraProblem({ name: 'NotReadableError' })).toBe('camera.busy');
    expect(cameraProblem(new Error('x'))).toBe('camera.failed');
    expect(cameraProblem(null)).toBe('camera.failed');
  });
});

describe('the viewer', () => {
  it('asks for the shown width times the pixel density and the zoom, within the contract', () => {
    expect(viewWidth(600, 1, 1)).toBe(600);
    expect(viewWidth(600, 2, 1.5)).toBe(1800);
    expect(viewWidth(600, 2, 3)).toBe(2400);
    expect(viewWidth(100, 0.5, 0.5)).toBe(64);
  });

  it('zooms in steps and stops at both ends', () => {
    expect(nextZoom(1, 1)).toBe(1.5);
    expect(nextZoom(1, -1)).toBe(0.75);
    expect(nextZoom(3, 1)).toBe(3);
    expect(nextZoom(0.5, -1)).toBe(0.5);
  });

  it('dates a certificate by this computer\'s calendar', () => {
    expect(localDate('2026-06-15T12:00:00.000Z')).toMatch(/^2026-06-1[56]$/);
    expect(localDate('not a date')).toBe('not a date');
  });
});
