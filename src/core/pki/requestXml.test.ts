import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { buildRequestXml, compareScans, parseRequestXml, scansMatch, type SignedRequestData } from './requestXml';

const h = (c: string) => c.repeat(64);

const data: SignedRequestData = {
  caseNumber: 'ЦОН-2026-000123',
  serviceCode: '00301001',
  regulationId: 'birth-registration',
  act: { number: '112', date: '2020-05-28' },
  applicantIin: '850315400124',
  representative: { iin: '880512300779', powerOfAttorneyNumber: '№ 15-"А" <2026> & Co' },
  operatorIin: '880512300779',
  scans: [
    { scanId: 'a1', documentId: 'identity', sha256: h('a') },
    { scanId: 'b2', documentId: 'birth-certificate', sha256: h('b') },
  ],
};

describe('the signed request', () => {
  it('reads back what was written, with and without a representative', () => {
    expect(parseRequestXml(buildRequestXml(data))).toEqual(data);
    const alone = { ...data, representative: null, scans: [] };
    expect(parseRequestXml(buildRequestXml(alone))).toEqual(alone);
  });

  it('is the same bytes for the same data', () => {
    expect(buildRequestXml(data)).toBe(buildRequestXml(structuredClone(data)));
    expect(buildRequestXml(data)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <request xmlns="urn:azho:signed-request:1">
      <caseNumber>ЦОН-2026-000123</caseNumber>
      <serviceCode>00301001</serviceCode>
      <regulationId>birth-registration</regulationId>
      <act number="112" date="2020-05-28"/>
      <applicantIin>850315400124</applicantIin>
      <representative iin="880512300779" powerOfAttorneyNumber="№ 15-&quot;А&quot; &lt;2026&gt; &amp; Co"/>
      <operatorIin>880512300779</operatorIin>
      <scans>
      <scan id="a1" documentId="identity" sha256="aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"/>
      <scan id="b2" documentId="birth-certificate" sha256="bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"/>
      </scans>
      </request>"
    `);
  });

  it('escapes markup, quotes, tabs and line breaks so they come back unchanged', () => {
    const tricky = {
      ...data,
      caseNumber: '</caseNumber><operatorIin>000000000000</operatorIin><caseNumber>',
      serviceCode: 'a & b < c > d',
      act: { number: 'x"\ty\nz\r', date: "'2020'" },
      scans: [{ scanId: 'i"d', documentId: 'doc <1> & "2"', sha256: h('c') }],
    };
    const xml = buildRequestXml(tricky);
    expect(xml).not.toContain('<operatorIin>000000000000');
    expect(parseRequestXml(xml)).toEqual(tricky);
  });

  it('refuses characters XML cannot carry and hashes that are not SHA-256 hex', () => {
    expect(() => buildRequestXml({ ...data, caseNumber: 'a\u0000b' })).toThrow(AppError);
    expect(() => buildRequestXml({ ...data, caseNumber: 'a\uFFFEb' })).toThrow(AppError);
    expect(() => buildRequestXml({ ...data, scans: [{ scanId: 'x', documentId: 'y', sha256: 'ABC' }] })).toThrow(AppError);
  });

  it('refuses a document that is not a request as written', () => {
    const bad = (xml: string) => {
      try {
        parseRequestXml(xml);
      } catch (e) {
        return e instanceof AppError ? e.data.code : 'other';
      }
      return 'OK';
    };
    const xml = buildRequestXml(data);
    expect(bad('nonsense')).toBe('VALIDATION');
    expect(bad(xml.replace('urn:azho:signed-request:1', 'urn:other'))).toBe('VALIDATION');
    expect(bad(xml.replace('<serviceCode>00301001</serviceCode>\n', ''))).toBe('VALIDATION');
    expect(bad(xml.replace('</scans>', '<extra/></scans>'))).toBe('VALIDATION');
    expect(bad(xml.replace('</request>', '<extra/></request>'))).toBe('VALIDATION');
    expect(bad(xml.replace('<request', '<!DOCTYPE request>\n<request'))).toBe('VALIDATION');
  });
});

describe('comparing the signed scans with the case', () => {
  const signed = data.scans;

  it('the same scans match', () => {
    expect(scansMatch(signed, structuredClone(signed))).toBe(true);
  });

  it('names what was added, removed, changed or reordered', () => {
    const c = { scanId: 'c3', documentId: 'identity', sha256: h('c') };
    expect(compareScans(signed, [...signed, c])).toMatchObject({ added: [c], removed: [], changed: [], reordered: false });
    expect(compareScans(signed, [signed[0]!])).toMatchObject({ added: [], removed: [signed[1]], reordered: false });
    const rescanned = { ...signed[1]!, sha256: h('d') };
    expect(compareScans(signed, [signed[0]!, rescanned]).changed).toEqual([{ signed: signed[1], current: rescanned }]);
    expect(compareScans(signed, [signed[1]!, signed[0]!]).reordered).toBe(true);
    expect(scansMatch(signed, [signed[1]!, signed[0]!])).toBe(false);
  });
});
