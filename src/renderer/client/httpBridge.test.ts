import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpBridge } from './httpBridge';

afterEach(() => vi.unstubAllGlobals());

describe('the web host bridge: a scan\'s bytes', () => {
  it('go as the body of the upload path, the rest in its query, and the envelope comes back', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { id: 7 } }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    expect(await httpBridge().upload(12, 'applicantIdentity', 'camera', bytes)).toEqual({ ok: true, value: { id: 7 } });
    const [url, init] = fetch.mock.calls[0]! as unknown as [string, RequestInit];
    expect(url).toBe('/api/upload/scans.add?caseId=12&documentId=applicantIdentity&source=camera');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/octet-stream' } });
    expect(init.body).toBe(bytes);
  });

  it('turns a refusal without a JSON body into an envelope', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('Request Entity Too Large', { status: 413 })));
    expect(await httpBridge().upload(1, 'application', 'file', new Uint8Array(1))).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
