/**
 * The garbled and hostile answers of the fault modes (see ./faults), made from the real answer
 * so that everything but the fault itself is right (the messageId matches, the envelope is
 * otherwise valid): the client must refuse them for the fault's reason and no other.
 */
import type { ServerResponse } from 'node:http';
import { TYPES_NS } from '../shared/smartBridge/envelope';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const LAUGHS =
  '<!DOCTYPE soap:Envelope [<!ENTITY lol "lol">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i === 0 ? '' : i + 1};`.repeat(10)}">`).join('') +
  ']>';

/** Billion laughs: nine levels of tenfold entities, used in the status message. */
export function entityExpansion(answer: string): string {
  return XML_DECLARATION + LAUGHS + answer.replace(XML_DECLARATION, '').replace(/<message>[^<]*<\/message>/, '<message>&lol9;</message>');
}

/** 100,000 nested elements inside the data, otherwise the real answer. */
export function deepNesting(answer: string): string {
  return answer.replace('<data>', `<data>${'<n>'.repeat(100_000)}${'</n>'.repeat(100_000)}`);
}

export function wrongNamespace(answer: string): string {
  return answer.replace(TYPES_NS, 'http://bip.bee.kz/SyncChannel/v10/Unknown');
}

export function unknownStatus(answer: string): string {
  return answer.replace(/<code>[^<]*<\/code>/, '<code>ZZZZ999</code>');
}

export function wrongMessageId(answer: string): string {
  return answer.replace(/<messageId>([^<]*)<\/messageId>/, '<messageId>$1-other</messageId>');
}

export function wrongPayload(answer: string): string {
  return answer.replace(/<data>[\s\S]*<\/data>|<data\/>/, '<data><unexpected>1</unexpected></data>');
}

/** Garbage and a truncated answer by turns. */
export function malformed(answer: string, turn: number): string {
  return turn % 2 === 0 ? 'HTTP/1.1 this is not XML <<<&&&>>>' : answer.slice(0, Math.floor(answer.length / 2));
}

const HUGE_BYTES = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/**
 * Streams a valid envelope around ~50 MB of text, chunk by chunk as the socket drains, with no
 * Content-Length, so only a client that counts while it reads can stop it early. Stops when the
 * client hangs up.
 */
export async function streamHuge(res: ServerResponse, answer: string): Promise<void> {
  const at = answer.indexOf('<data>') + '<data>'.length;
  res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
  res.write(`${answer.slice(0, at)}<filler>`);
  for (let sent = 0; sent < HUGE_BYTES && !res.destroyed; sent += CHUNK.length) {
    if (!res.write(CHUNK)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!res.destroyed) res.end(`</filler>${answer.slice(at)}`);
}
