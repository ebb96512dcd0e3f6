/**
 * The SmartBridge synchronous channel (ШЭП), SOAP 1.1, as both ends of this program speak it.
 *
 *   soap:Envelope/soap:Body/types:SendMessage/request/
 *     requestInfo{messageId, correlationId, serviceId, messageDate, sender{senderId, password}}
 *     requestData/data/…service payload…
 *   soap:Envelope/soap:Body/types:SendMessageResponse/response/
 *     responseInfo{messageId, responseDate, status{code, message}}
 *     responseData/data/…service payload…
 *   soap:Envelope/soap:Body/soap:Fault{faultcode, faultstring}   (sent with HTTP 500)
 *
 * As in the gateway's WSDL, only SendMessage and SendMessageResponse are qualified (types
 * namespace); the elements inside them, the payload included, are in no namespace. Every
 * element is matched by namespaceURI and localName, never by prefix, so a message in another
 * namespace (SOAP 1.2, another version of the types) is malformed rather than half-read.
 * responseInfo.messageId repeats the request's messageId: that is how an answer is matched to
 * its request, and a repeated messageId is the same request (see ./status for the codes).
 */
import type { Document, Element } from '@xmldom/xmldom';
import { MalformedXml, childElements, escapeText, ownText, parseXml, type XmlLimits } from './xml';

export const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const TYPES_NS = 'http://bip.bee.kz/SyncChannel/v10/Types';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** The service payload: elements with text, or elements with elements; nothing else. */
export type DataNode = { name: string; text: string } | { name: string; children: DataNode[] };

export interface RequestEnvelope {
  messageId: string;
  correlationId: string;
  serviceId: string;
  messageDate: string;
  senderId: string;
  password: string;
  data: DataNode[];
}

export interface ResponseEnvelope {
  messageId: string;
  responseDate: string;
  status: { code: string; message: string };
  data: DataNode[];
}

/** SOAP 1.1 fault codes: Client = the request is at fault (final), Server = try again. */
export type FaultKind = 'Client' | 'Server';

export interface FaultEnvelope {
  /** The faultcode as sent (its local part, e.g. "Server" or "Client.Authentication"). */
  faultcode: string;
  kind: FaultKind;
  faultstring: string;
}

export type Answer = { kind: 'response'; response: ResponseEnvelope } | { kind: 'fault'; fault: FaultEnvelope };

// ---- building ----

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function el(name: string, inner: string): string {
  return `<${name}>${inner}</${name}>`;
}

function textEl(name: string, text: string): string {
  return el(name, escapeText(text));
}

export function dataToXml(nodes: DataNode[]): string {
  return nodes
    .map((n) => {
      if (!NAME.test(n.name)) throw new TypeError(`not an element name: ${n.name.slice(0, 40)}`);
      return 'text' in n ? textEl(n.name, n.text) : el(n.name, dataToXml(n.children));
    })
    .join('');
}

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export function buildRequest(r: RequestEnvelope): string {
  const info =
    textEl('messageId', r.messageId) +
    textEl('correlationId', r.correlationId) +
    textEl('serviceId', r.serviceId) +
    textEl('messageDate', r.messageDate) +
    el('sender', textEl('senderId', r.senderId) + textEl('password', r.password));
  return envelope(
    `<types:SendMessage xmlns:types="${TYPES_NS}">${el('request', el('requestInfo', info) + el('requestData', el('data', dataToXml(r.data))))}</types:SendMessage>`,
  );
}

export function buildResponse(r: ResponseEnvelope): string {
  const info =
    textEl('messageId', r.messageId) +
    textEl('responseDate', r.responseDate) +
    el('status', textEl('code', r.status.code) + textEl('message', r.status.message));
  return envelope(
    `<types:SendMessageResponse xmlns:types="${TYPES_NS}">${el('response', el('responseInfo', info) + el('responseData', el('data', dataToXml(r.data))))}</types:SendMessageResponse>`,
  );
}

export function buildFault(kind: FaultKind, faultstring: string): string {
  return envelope(el('soap:Fault', `<faultcode>soap:${kind}</faultcode>${textEl('faultstring', faultstring)}`));
}

// ---- reading ----

/** The local name (xmldom types it nullable; an element always has one). */
function nameOf(element: Element): string {
  return element.localName ?? element.nodeName;
}

function isIn(element: Element, ns: string | null, localName: string): boolean {
  return (element.namespaceURI ?? null) === ns && nameOf(element) === localName;
}

function describe(element: Element): string {
  return `{${element.namespaceURI ?? ''}}${nameOf(element)}`;
}

/** The only element child, which must be `ns:localName`. */
function only(parent: Element, ns: string | null, localName: string): Element {
  const children = childElements(parent);
  const [first] = children;
  if (!first || children.length > 1) throw new MalformedXml('structure', `${nameOf(parent)} must hold exactly one ${localName}`);
  if (!isIn(first, ns, localName)) {
    throw new MalformedXml(nameOf(first) === localName ? 'namespace' : 'structure', `expected ${localName}, found ${describe(first)}`);
  }
  return first;
}

/** Named unqualified children, each present exactly once, in any order; no others but `optional`. */
function fields<K extends string>(parent: Element, names: readonly K[], optional: readonly string[] = []): Record<K, Element> {
  const found = new Map<string, Element>();
  for (const child of childElements(parent)) {
    if (!names.includes(nameOf(child) as K) && !optional.includes(nameOf(child))) throw new MalformedXml('structure', `unexpected ${describe(child)} in ${nameOf(parent)}`);
    if (child.namespaceURI) throw new MalformedXml('namespace', `${nameOf(child)} must be unqualified`);
    if (found.has(nameOf(child))) throw new MalformedXml('structure', `${nameOf(child)} twice in ${nameOf(parent)}`);
    found.set(nameOf(child), child);
  }
  for (const name of names) if (!found.has(name)) throw new MalformedXml('structure', `${nameOf(parent)} lacks ${name}`);
  return Object.fromEntries(found) as Record<K, Element>;
}

function text(element: Element): string {
  const t = ownText(element);
  if (t === null) throw new MalformedXml('structure', `${nameOf(element)} must hold text`);
  return t;
}

/** The payload under a `data` element. Whitespace between elements is layout, not content. */
export function dataFromXml(parent: Element): DataNode[] {
  return childElements(parent).map((child) => {
    if (child.namespaceURI) throw new MalformedXml('namespace', `payload element ${nameOf(child)} must be unqualified`);
    const attributes = Array.from({ length: child.attributes.length }, (_, i) => child.attributes.item(i)!);
    if (attributes.some((a) => a.namespaceURI !== XMLNS_NS)) throw new MalformedXml('payload', `payload element ${nameOf(child)} has attributes`);
    const children = childElements(child);
    if (children.length === 0) return { name: nameOf(child), text: ownText(child)! };
    for (let n = child.firstChild; n; n = n.nextSibling) {
      if ((n.nodeType === 3 || n.nodeType === 4) && (n.nodeValue ?? '').trim() !== '') {
        throw new MalformedXml('payload', `payload element ${nameOf(child)} mixes text and elements`);
      }
    }
    return { name: nameOf(child), children: dataFromXml(child) };
  });
}

function body(document: Document): Element {
  const root = document.documentElement!;
  if (!isIn(root, SOAP_NS, 'Envelope')) {
    throw new MalformedXml(nameOf(root) === 'Envelope' ? 'namespace' : 'structure', `root is ${describe(root)}, not a SOAP 1.1 Envelope`);
  }
  const parts = childElements(root);
  const bodies = parts.filter((p) => isIn(p, SOAP_NS, 'Body'));
  if (bodies.length !== 1) {
    throw new MalformedXml(parts.some((p) => nameOf(p) === 'Body') ? 'namespace' : 'structure', 'the envelope must hold one SOAP Body');
  }
  if (parts.some((p) => !isIn(p, SOAP_NS, 'Body') && !isIn(p, SOAP_NS, 'Header'))) {
    throw new MalformedXml('structure', 'the envelope holds something other than Header and Body');
  }
  return bodies[0]!;
}

export function parseRequest(xml: string, limits?: XmlLimits): RequestEnvelope {
  const send = only(body(parseXml(xml, limits)), TYPES_NS, 'SendMessage');
  const request = only(send, null, 'request');
  const { requestInfo, requestData } = fields(request, ['requestInfo', 'requestData'] as const);
  const info = fields(requestInfo, ['messageId', 'correlationId', 'serviceId', 'messageDate', 'sender'] as const);
  const sender = fields(info.sender, ['senderId', 'password'] as const);
  const data = only(requestData, null, 'data');
  return {
    messageId: text(info.messageId),
    correlationId: text(info.correlationId),
    serviceId: text(info.serviceId),
    messageDate: text(info.messageDate),
    senderId: text(sender.senderId),
    password: text(sender.password),
    data: dataFromXml(data),
  };
}

/** A faultcode is a QName; its prefix must name the SOAP envelope namespace. */
function faultKind(element: Element): { faultcode: string; kind: FaultKind } {
  const qname = text(element).trim();
  const colon = qname.indexOf(':');
  const prefix = colon >= 0 ? qname.slice(0, colon) : null;
  const local = qname.slice(colon + 1);
  if (element.lookupNamespaceURI(prefix) !== SOAP_NS) throw new MalformedXml('namespace', 'faultcode is not a SOAP fault code');
  // Dotted subcodes ("Server.Busy") keep the class of their first part; anything but Server
  // (Client, VersionMismatch, MustUnderstand) will not mend on a repeat.
  return { faultcode: local, kind: local === 'Server' || local.startsWith('Server.') ? 'Server' : 'Client' };
}

/** Reads an answer: a SendMessageResponse or a SOAP fault. */
export function parseAnswer(xml: string, limits?: XmlLimits): Answer {
  const soapBody = body(parseXml(xml, limits));
  const first = childElements(soapBody)[0];
  if (first && isIn(first, SOAP_NS, 'Fault')) {
    const fault = fields(only(soapBody, SOAP_NS, 'Fault'), ['faultcode', 'faultstring'] as const, ['faultactor', 'detail']);
    return { kind: 'fault', fault: { ...faultKind(fault.faultcode), faultstring: text(fault.faultstring) } };
  }
  const send = only(soapBody, TYPES_NS, 'SendMessageResponse');
  const response = only(send, null, 'response');
  const { responseInfo, responseData } = fields(response, ['responseInfo', 'responseData'] as const);
  const info = fields(responseInfo, ['messageId', 'responseDate', 'status'] as const);
  const status = fields(info.status, ['code', 'message'] as const);
  return {
    kind: 'response',
    response: {
      messageId: text(info.messageId),
      responseDate: text(info.responseDate),
      status: { code: text(status.code), message: text(status.message) },
      data: dataFromXml(only(responseData, null, 'data')),
    },
  };
}
