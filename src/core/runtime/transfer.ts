/**
 * A scan's bytes are handed to the core's thread without a copy where they can be: the
 * ArrayBuffer of a Uint8Array `content` moves across (the sender's view of it is emptied). Only a
 * buffer the view has to itself moves; a slice of a shared one (Node's small-Buffer pool) is copied.
 */
export function transferableContent(input: unknown): ArrayBuffer[] {
  const content = (input as { content?: unknown } | null)?.content;
  if (!(content instanceof Uint8Array)) return [];
  const buffer = content.buffer;
  if (!(buffer instanceof ArrayBuffer) || content.byteOffset !== 0 || content.byteLength !== buffer.byteLength) return [];
  return [buffer];
}
