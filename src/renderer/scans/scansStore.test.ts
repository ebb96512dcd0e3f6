import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/contract';
import { MAX_SCAN_BYTES, type CaseScans, type ScanView, type SignatureView } from '../../shared/scans';

type Upload = (caseId: number, documentId: string, source: string, bytes: Uint8Array) => Promise<unknown>;
const bridge = { invoke: vi.fn<Bridge['invoke']>(), on: () => () => {}, upload: vi.fn<Upload>() };
const answer = (value: unknown) => ({ ok: true, value });
const refusal = (reason: string) => ({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'content', reason }] } });
const calls = (name: string) => bridge.invoke.mock.calls.filter(([n]) => n === name);

const scan = (id: number, page: number, documentId = 'identity'): ScanView => ({
  id, caseId: 7, documentId, page, type: 'jpeg', size: 10, sha256: `h${id}`, pages: 1, rotation: 0, source: 'file', thumbnail: null, createdAt: '2026-11-23T05:00:00.000Z',
});
const listed = (scans: ScanView[], locked = false): CaseScans => ({
  scans,
  checklist: [{ documentId: 'identity', title: { kk: 'ЖКК', ru: 'УЛ', en: 'ID' }, optional: false, scans: scans.length }],
  locked,
});
const file = (name: string, size: number) => ({ name, size, arrayBuffer: async () => new ArrayBuffer(size) });

beforeAll(() => {
  (globalThis as unknown as { window: { azho: Bridge } }).window = { azho: bridge };
});

const { useScans } = await import('./scansStore');
const { useSigning } = await import('./signingStore');

beforeEach(() => {
  bridge.invoke.mockReset();
  bridge.upload.mockReset();
  useScans.getState().forget();
  useSigning.getState().forget();
});

describe('the scans of the case on screen', () => {
  it('are loaded when shown, read again on a push for that case, and only dropped for another', async () => {
    bridge.invoke.mockImplementation(async (name) => answer(name === 'scans.capabilities' ? { scanner: false, hotFolder: null } : listed([scan(1, 1)])));
    const stop = useScans.getState().watch(7);
    await vi.waitFor(() => expect(useScans.getState().byCase[7]?.scans).toHaveLength(1));
    useScans.getState().changed(7);
    await vi.waitFor(() => expect(calls('scans.list')).toHaveLength(2));
    useScans.setState({ byCase: { ...useScans.getState().byCase, 8: listed([]) } });
    useScans.getState().changed(8);
    expect(useScans.getState().byCase[8]).toBeUndefined();
    expect(calls('scans.list')).toHaveLength(2);
    stop();
    useScans.getState().changed(7);
    expect(calls('scans.list')).toHaveLength(2);
  });

  it('sends files one after another as bytes, and keeps each refusal with its reason', async () => {
    bridge.invoke.mockResolvedValue(answer(listed([scan(1, 1)])));
    bridge.upload.mockResolvedValueOnce(answer(scan(1, 1))).mockResolvedValueOnce(refusal('scan.unknownType'));
    useScans.setState({ open: 7 });
    const results = await useScans.getState().addFiles(7, 'identity', [file('a.jpg', 3), file('b.heic', 4), file('c.png', 0), file('d.tif', MAX_SCAN_BYTES + 1)]);
    expect(bridge.upload.mock.calls.map(([caseId, documentId, source, bytes]) => [caseId, documentId, source, bytes.byteLength])).toEqual([
      [7, 'identity', 'file', 3],
      [7, 'identity', 'file', 4],
    ]);
    expect(results.map((p) => p?.issues?.[0]?.reason ?? null)).toEqual([null, 'scan.unknownType', 'scan.empty', 'scan.tooLarge']);
    expect(useScans.getState().uploads.map((u) => [u.name, u.state])).toEqual([['b.heic', 'refused'], ['c.png', 'refused'], ['d.tif', 'refused']]);
    await vi.waitFor(() => expect(calls('scans.list').length).toBeGreaterThan(0));
    useScans.getState().dismissUpload(useScans.getState().uploads[0]!.key);
    expect(useScans.getState().uploads).toHaveLength(2);
  });

  it('moves a page within its document and takes the core\'s new order', async () => {
    useScans.setState({ open: 7, byCase: { 7: listed([scan(1, 1), scan(2, 2), scan(3, 1, 'application')]) } });
    bridge.invoke.mockResolvedValue(answer(listed([{ ...scan(2, 1) }, { ...scan(1, 2) }])));
    expect(await useScans.getState().move(7, scan(2, 2), -1)).toBe(true);
    expect(calls('scans.reorder')).toEqual([['scans.reorder', { caseId: 7, documentId: 'identity', order: [2, 1] }]]);
    expect(await useScans.getState().move(7, scan(2, 1), -1)).toBe(false);
    expect(calls('scans.reorder')).toHaveLength(1);
  });

  it('says why a signed request\'s pages cannot change, and reads the scans again', async () => {
    useScans.setState({ open: 7, byCase: { 7: listed([scan(1, 1)]) } });
    bridge.invoke.mockImplementation(async (name) => (name === 'scans.list' ? answer(listed([scan(1, 1)], true)) : { ok: false, error: { code: 'SCANS_LOCKED' } }));
    expect(await useScans.getState().remove(scan(1, 1))).toBe(false);
    expect(useScans.getState().actionProblem).toEqual({ code: 'SCANS_LOCKED' });
    await vi.waitFor(() => expect(useScans.getState().byCase[7]?.locked).toBe(true));
    expect(useScans.getState().changing.size).toBe(0);
  });

  it('takes a rotated page in place', async () => {
    useScans.setState({ open: 7, byCase: { 7: listed([scan(1, 1), scan(2, 2)]) } });
    bridge.invoke.mockResolvedValue(answer({ ...scan(2, 2), rotation: 90 }));
    await useScans.getState().rotate(scan(2, 2), 90);
    expect(useScans.getState().byCase[7]?.scans.map((s) => s.rotation)).toEqual([0, 90]);
  });

  it('are forgotten with the session', () => {
    useScans.setState({ open: 7, byCase: { 7: listed([scan(1, 1)]) } });
    useScans.getState().forget();
    expect(useScans.getState().byCase).toEqual({});
  });
});

describe('signing', () => {
  const signature = { verified: true, scans: [] } as unknown as SignatureView;

  it('keeps the signature the core verified and reads the now fixed scans again', async () => {
    bridge.invoke.mockImplementation(async (name) => answer(name === 'signing.sign' ? signature : listed([], true)));
    const problem = await useSigning.getState().sign(7, 4, { kind: 'pkcs12', container: 'AAAA', password: 'secret' });
    expect(problem).toBeNull();
    expect(useSigning.getState().signatures[7]).toBe(signature);
    await vi.waitFor(() => expect(useScans.getState().byCase[7]?.locked).toBe(true));
    expect(JSON.stringify(useSigning.getState())).not.toContain('secret');
  });

  it('gives the refusal back to the form', async () => {
    bridge.invoke.mockResolvedValue({ ok: false, error: { code: 'KEY_PASSWORD_WRONG' } });
    expect(await useSigning.getState().sign(7, 4, { kind: 'ncalayer' })).toEqual({ code: 'KEY_PASSWORD_WRONG' });
    expect(useSigning.getState().signatures[7]).toBeUndefined();
    expect(useSigning.getState().signing).toBe(false);
  });
});
