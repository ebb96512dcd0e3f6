/**
 * The web host's side of the bridge: calls are same-origin POSTs, events one Server-Sent Events
 * stream. The host authenticates the browser with an HttpOnly cookie set when the one-time URL
 * was opened, so nothing here ever sees a token. A scan's bytes go as the body of the host's
 * upload path, the call's other fields in its query.
 */
import type { UploadBridge } from '../../shared/contract';

type Listener = (payload: unknown) => void;

interface StreamMessage {
  name: string;
  payload: unknown;
}

function isStreamMessage(x: unknown): x is StreamMessage {
  return typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string';
}

export function httpBridge(): UploadBridge {
  const listeners = new Map<string, Set<Listener>>();
  let stream: EventSource | null = null;

  function openStream(): void {
    if (stream) return;
    // EventSource reconnects by itself after a dropped connection; same-origin sends the cookie.
    stream = new EventSource('/api/events');
    stream.onmessage = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      if (!isStreamMessage(parsed)) return;
      for (const listener of listeners.get(parsed.name) ?? []) listener(parsed.payload);
    };
  }

  /** 403, 413 and the like carry an envelope too; only a body that is not JSON is a transport fault. */
  const envelopeOf = (response: Response) =>
    response.json().catch(() => ({ ok: false, error: { code: response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL' } }));

  return {
    async upload(caseId, documentId, source, bytes) {
      const query = new URLSearchParams({ caseId: String(caseId), documentId, source });
      const response = await fetch(`/api/upload/scans.add?${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
      return envelopeOf(response);
    },
    async invoke(name, input) {
      const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return envelopeOf(response);
    },
    on(event, listener) {
      openStream();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
