/**
 * The document the operator signs: the request (case, service, act, applicant, representative,
 * operator) and the SHA-256 of every scan, so a signature says which pages it covers. The same
 * data always gives the same bytes (fixed element order, no time, no whitespace between
 * elements) and every value is escaped; characters XML 1.0 cannot carry are refused rather than
 * dropped, so what is signed is exactly what was asked.
 *
 * `parseRequestXml` reads the data back — from the canonical content verify.ts returns (the
 * bytes the signature covers), never from the document as received.
 */
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { AppError } from '../../shared/errors';

export const REQUEST_NS = 'urn:azho:signed-request:1';

export interface SignedScan {
  scanId: string;
  /** The act's required document the page belongs to. */
  documentId: string;
  /** Lower-case hex SHA-256 of the scan's bytes. */
  sha256: string;
}

export interface SignedRequestData {
  caseNumber: string;
  serviceCode: string;
  regulationId: string;
  /** The legal act the service is provided under. */
  act: { number: string; date: string };
  applicantIin: string;
  representative: { iin: string; powerOfAttorneyNumber: string } | null;
  /** The IIN of the operator who signs. */
  operatorIin: string;
  /** In the order the case lists them (document, then page). */
  scans: SignedScan[];
}

// Chars XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const SHA256_HEX = /^[0-9a-f]{64}$/;

function checked(path: string, value: string): string {
  if (typeof value !== 'string' || NOT_XML_CHAR.test(value)) {
    throw new AppError({ code: 'VALIDATION', issues: [{ path, reason: 'format' }] });
  }
  return value;
}

function text(path: string, value: string): string {
  return checked(path, value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function attr(path: string, value: string): string {
  return checked(path, value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** The request as signed: UTF-8, one line per element for a person reading it. */
export function buildRequestXml(data: SignedRequestData): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<request xmlns="${REQUEST_NS}">`,
    `<caseNumber>${text('caseNumber', data.caseNumber)}</caseNumber>`,
    `<serviceCode>${text('serviceCode', data.serviceCode)}</serviceCode>`,
    `<regulationId>${text('regulationId', data.regulationId)}</regulationId>`,
    `<act number="${attr('act.number', data.act.number)}" date="${attr('act.date', data.act.date)}"/>`,
    `<applicantIin>${text('applicantIin', data.applicantIin)}</applicantIin>`,
  ];
  if (data.representative) {
    lines.push(
      `<representative iin="${attr('representative.iin', data.representative.iin)}" powerOfAttorneyNumber="${attr(
        'representative.powerOfAttorneyNumber',
        data.representative.powerOfAttorneyNumber,
      )}"/>`,
    );
  }
  lines.push(`<operatorIin>${text('operatorIin', data.operatorIin)}</operatorIin>`);
  lines.push('<scans>');
  data.scans.forEach((s, i) => {
    if (!SHA256_HEX.test(s.sha256)) throw new AppError({ code: 'VALIDATION', issues: [{ path: `scans.${i}.sha256`, reason: 'format' }] });
    lines.push(
      `<scan id="${attr(`scans.${i}.scanId`, s.scanId)}" documentId="${attr(`scans.${i}.documentId`, s.documentId)}" sha256="${s.sha256}"/>`,
    );
  });
  lines.push('</scans>');
  lines.push('</request>');
  return lines.join('\n');
}

function malformed(what: string): AppError {
  return new AppError({ code: 'VALIDATION', issues: [{ path: what, reason: 'signedRequest.format' }] });
}

function children(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === n.ELEMENT_NODE) out.push(n as XmlElement);
  }
  return out;
}

function ownText(el: XmlElement): string {
  let s = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === n.TEXT_NODE || n.nodeType === n.CDATA_SECTION_NODE) s += n.nodeValue ?? '';
    else if (n.nodeType === n.ELEMENT_NODE) throw malformed(el.localName ?? '');
  }
  return s;
}

function required(el: XmlElement, name: string): string {
  if (!el.hasAttribute(name)) throw malformed(`${el.localName}.${name}`);
  return el.getAttribute(name) ?? '';
}

/**
 * Reads a request back (a signature, if still inside, is skipped). Anything else than the
 * elements buildRequestXml writes, in its order, is refused as VALIDATION.
 */
export function parseRequestXml(xml: string): SignedRequestData {
  if (/<!DOCTYPE/i.test(xml)) throw malformed('doctype');
  let root: XmlElement | null;
  try {
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg); } }).parseFromString(xml, 'text/xml');
    root = doc.documentElement;
  } catch {
    throw malformed('xml');
  }
  if (!root || root.namespaceURI !== REQUEST_NS || root.localName !== 'request') throw malformed('request');

  const items = children(root).filter((c) => !(c.localName === 'Signature' && c.namespaceURI === 'http://www.w3.org/2000/09/xmldsig#'));
  let i = 0;
  const next = (name: string, optional = false): XmlElement | null => {
    const el = items[i];
    if (el && el.localName === name && el.namespaceURI === REQUEST_NS) {
      i++;
      return el;
    }
    if (optional) return null;
    throw malformed(name);
  };

  const caseNumber = ownText(next('caseNumber')!);
  const serviceCode = ownText(next('serviceCode')!);
  const regulationId = ownText(next('regulationId')!);
  const actEl = next('act')!;
  const act = { number: required(actEl, 'number'), date: required(actEl, 'date') };
  const applicantIin = ownText(next('applicantIin')!);
  const repEl = next('representative', true);
  const representative = repEl
    ? { iin: required(repEl, 'iin'), powerOfAttorneyNumber: required(repEl, 'powerOfAttorneyNumber') }
    : null;
  const operatorIin = ownText(next('operatorIin')!);
  const scansEl = next('scans')!;
  if (i !== items.length) throw malformed(items[i]?.localName ?? 'request');

  const scans: SignedScan[] = children(scansEl).map((s, k) => {
    if (s.localName !== 'scan' || s.namespaceURI !== REQUEST_NS) throw malformed(`scans.${k}`);
    const sha256 = required(s, 'sha256');
    if (!SHA256_HEX.test(sha256)) throw malformed(`scans.${k}.sha256`);
    return { scanId: required(s, 'id'), documentId: required(s, 'documentId'), sha256 };
  });

  return { caseNumber, serviceCode, regulationId, act, applicantIin, representative, operatorIin, scans };
}

export interface ScanDifference {
  /** Scans now on the case that the signature does not cover. */
  added: SignedScan[];
  /** Scans the signature covers that are gone. */
  removed: SignedScan[];
  /** The same scan (by id) with other bytes or under another document. */
  changed: { signed: SignedScan; current: SignedScan }[];
  /** The same scans in another order. */
  reordered: boolean;
}

/** How the case's scans now differ from those a signature covers. */
export function compareScans(signed: readonly SignedScan[], current: readonly SignedScan[]): ScanDifference {
  const signedById = new Map(signed.map((s) => [s.scanId, s]));
  const currentById = new Map(current.map((s) => [s.scanId, s]));
  const added = current.filter((s) => !signedById.has(s.scanId));
  const removed = signed.filter((s) => !currentById.has(s.scanId));
  const changed = current
    .filter((c) => {
      const s = signedById.get(c.scanId);
      return s !== undefined && (s.sha256 !== c.sha256 || s.documentId !== c.documentId);
    })
    .map((c) => ({ signed: signedById.get(c.scanId)!, current: c }));
  const order = (list: readonly SignedScan[], keep: Map<string, SignedScan>) => list.filter((s) => keep.has(s.scanId)).map((s) => s.scanId).join('\n');
  const reordered = order(signed, currentById) !== order(current, signedById);
  return { added, removed, changed, reordered };
}

/** Whether a signature still covers exactly the case's scans. */
export function scansMatch(signed: readonly SignedScan[], current: readonly SignedScan[]): boolean {
  const d = compareScans(signed, current);
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0 && !d.reordered;
}
