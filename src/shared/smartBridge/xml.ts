/**
 * The one way this program reads XML from the gateway (and the simulator reads it from the
 * workstation). A SOAP message may carry no DTD, so any DOCTYPE or ENTITY declaration is refused
 * before the parser sees it: no entity expansion, no external entities, no file reads. The size
 * and the nesting depth are checked on the text first, so a hostile answer cannot exhaust memory
 * or the stack while a DOM is built; anything the parser would merely warn about is fatal.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

export type MalformedReason =
  | 'tooLarge' // over the byte limit
  | 'doctype' // a DOCTYPE or ENTITY declaration
  | 'tooDeep' // nesting over the depth limit
  | 'encoding' // declared in an encoding other than UTF-8
  | 'syntax' // not well-formed XML
  | 'namespace' // an element of the protocol in the wrong namespace
  | 'structure' // a SOAP envelope without the parts the protocol requires
  | 'payload'; // the service data does not match the service

/** The text is not a message of the protocol; `reason` says which check refused it. */
export class MalformedXml extends Error {
  constructor(
    readonly reason: MalformedReason,
    detail: string,
  ) {
    super(detail);
    this.name = 'MalformedXml';
  }
}

export interface XmlLimits {
  /** UTF-8 bytes. */
  maxBytes: number;
  /** Elements inside elements; the SOAP envelope itself needs about ten. */
  maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 4 * 1024 * 1024, maxDepth: 64 };

/** UTF-8 length without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;
const XML_DECLARATION_ENCODING = /^\uFEFF?<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/;

/** Index just past `end` from `from`, or throws: an unterminated construct is not XML. */
function skipPast(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from);
  if (at < 0) throw new MalformedXml('syntax', `unterminated construct, expected "${end}"`);
  return at + end.length;
}

/**
 * Measures the deepest nesting with one pass over the text. Comments, CDATA and processing
 * instructions are skipped whole; quoted attribute values may hold '>' and are skipped too.
 * It only has to be no less than the truth: the parser checks well-formedness afterwards.
 */
export function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    if (text.startsWith('<!--', i)) i = skipPast(text, i + 4, '-->');
    else if (text.startsWith('<![CDATA[', i)) i = skipPast(text, i + 9, ']]>');
    else if (text.startsWith('<?', i)) i = skipPast(text, i + 2, '?>');
    else if (text.startsWith('<!', i)) i = skipPast(text, i + 2, '>');
    else if (text.startsWith('</', i)) {
      depth--;
      i = skipPast(text, i + 2, '>');
    } else {
      // An opening tag: find its end outside quoted attribute values.
      let j = i + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (j >= text.length) throw new MalformedXml('syntax', 'unterminated tag');
      if (text[j - 1] !== '/') {
        depth++;
        if (depth > maxDepth) throw new MalformedXml('tooDeep', `nesting deeper than ${maxDepth}`);
      }
      i = j + 1;
    }
    i = text.indexOf('<', i);
  }
}

/**
 * Parses a whole XML document under the limits. Throws MalformedXml and nothing else, whatever
 * the input.
 */
export function parseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): Document {
  if (text.length > limits.maxBytes || utf8Length(text) > limits.maxBytes) {
    throw new MalformedXml('tooLarge', `over ${limits.maxBytes} bytes`);
  }
  if (DECLARATION.test(text)) throw new MalformedXml('doctype', 'DTD declarations are not allowed in SOAP');
  const encoding = XML_DECLARATION_ENCODING.exec(text)?.[1];
  if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') {
    throw new MalformedXml('encoding', `declared encoding "${encoding.slice(0, 20)}"`);
  }
  if (!isXmlText(text)) throw new MalformedXml('syntax', 'a character XML 1.0 does not allow');
  checkDepth(text, limits.maxDepth);

  let document: Document;
  try {
    const parser = new DOMParser({
      locator: false,
      // Every warning is fatal: a lenient parse of a hostile answer is a guess about its meaning.
      onError: (level, message) => {
        throw new MalformedXml('syntax', `${level}: ${String(message).slice(0, 200)}`);
      },
    });
    document = parser.parseFromString(text, 'text/xml');
  } catch (err) {
    if (err instanceof MalformedXml) throw err;
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof MalformedXml) throw cause;
    throw new MalformedXml('syntax', err instanceof Error ? err.message.slice(0, 200) : 'not XML');
  }
  if (!document.documentElement) throw new MalformedXml('syntax', 'no root element');
  checkCharacters(document);
  return document;
}

/** Character references may spell what the source may not (&#0;); the parser lets them through. */
function checkCharacters(document: Document): void {
  const stack: Node[] = [document.documentElement!];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeValue !== null && !isXmlText(n.nodeValue)) throw new MalformedXml('syntax', 'a character XML 1.0 does not allow');
    if (n.nodeType === 1) {
      const attributes = (n as Element).attributes;
      for (let i = 0; i < attributes.length; i++) stack.push(attributes.item(i)!);
    }
    for (let c = n.firstChild; c; c = c.nextSibling) stack.push(c);
  }
}

/** The element children of an element, in order (text, comments and PIs left out). */
export function childElements(element: Element): Element[] {
  const out: Element[] = [];
  for (let n = element.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) out.push(n as Element);
  }
  return out;
}

/** Text and CDATA directly inside an element; null when it also has element children. */
export function ownText(element: Element): string | null {
  let text = '';
  for (let n = element.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) return null;
    if (n.nodeType === 3 || n.nodeType === 4) text += n.nodeValue ?? '';
  }
  return text;
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except lone surrogates, U+FFFE, U+FFFF.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text can be carried in an XML document at all. */
export function isXmlText(text: string): boolean {
  return !NOT_XML_CHAR.test(text);
}

/**
 * Escapes text for element content. CR is written as a character reference so that it survives
 * the parser's line-end normalisation. Throws on characters XML cannot carry.
 */
export function escapeText(text: string): string {
  if (!isXmlText(text)) throw new TypeError('text holds a character XML cannot carry');
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}
