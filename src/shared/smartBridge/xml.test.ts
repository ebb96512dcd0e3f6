import { describe, expect, it } from 'vitest';
import { MalformedXml, checkDepth, escapeText, parseXml, utf8Length, type MalformedReason } from './xml';

function reasonOf(run: () => unknown): MalformedReason | 'accepted' | 'other' {
  try {
    run();
    return 'accepted';
  } catch (err) {
    return err instanceof MalformedXml ? err.reason : 'other';
  }
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<lolz>&lol9;</lolz>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>`;

describe('safe XML parse', () => {
  it('parses well-formed XML with Kazakh text', () => {
    const doc = parseXml('<?xml version="1.0" encoding="UTF-8"?><a x="1"><b>Әйгерім &amp; Ғабит</b><c/></a>');
    expect(doc.documentElement!.getElementsByTagName('b')[0]!.textContent).toBe('Әйгерім & Ғабит');
  });

  it('refuses billion laughs before expanding anything', () => {
    expect(reasonOf(() => parseXml(BILLION_LAUGHS))).toBe('doctype');
  });

  it('refuses an external entity (no file is read)', () => {
    expect(reasonOf(() => parseXml(EXTERNAL_ENTITY))).toBe('doctype');
    expect(reasonOf(() => parseXml('<!doctype r SYSTEM "http://example.invalid/x.dtd"><r/>'))).toBe('doctype');
  });

  it('refuses an undeclared entity reference as a syntax error', () => {
    expect(reasonOf(() => parseXml('<r>&xxe;</r>'))).toBe('syntax');
  });

  it('refuses 100k-deep nesting without building a DOM', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expect(reasonOf(() => parseXml(deep, { maxBytes: 10_000_000, maxDepth: 64 }))).toBe('tooDeep');
  });

  it('counts depth right through comments, CDATA, self-closing tags and quoted ">"', () => {
    expect(() => checkDepth('<a><!-- <b><c> --><![CDATA[<d><e>]]><f/><g x="<h>"></g></a>', 2)).not.toThrow();
    expect(reasonOf(() => checkDepth('<a><b><c></c></b></a>', 2))).toBe('tooDeep');
  });

  it('refuses input over the byte limit, counting UTF-8 bytes', () => {
    expect(utf8Length('Әa')).toBe(3);
    expect(reasonOf(() => parseXml(`<a>${'x'.repeat(2000)}</a>`, { maxBytes: 1000, maxDepth: 10 }))).toBe('tooLarge');
    // 607 characters, but 1207 bytes: the limit is on bytes.
    expect(reasonOf(() => parseXml(`<a>${'ә'.repeat(600)}</a>`, { maxBytes: 1000, maxDepth: 10 }))).toBe('tooLarge');
  });

  it('refuses malformed XML of every kind as a syntax error, never a crash', () => {
    for (const bad of ['', 'not xml', '<a>', '<a></b>', '<a><b></a>', '<a x="1></a>', '<a/><b/>', '<<<>>>', '<a>&#0;</a>', '<!-- x', '<a xmlns:p="u"><q:b/></a>']) {
      expect(reasonOf(() => parseXml(bad)), bad).toBe('syntax');
    }
  });

  it('refuses a declared encoding other than UTF-8', () => {
    expect(reasonOf(() => parseXml('<?xml version="1.0" encoding="windows-1251"?><a/>'))).toBe('encoding');
  });

  it('escapes text so it reads back exactly, and refuses characters XML cannot carry', () => {
    const tricky = 'a<b>&c]]>\r\n"\'';
    expect(parseXml(`<a>${escapeText(tricky)}</a>`).documentElement!.textContent).toBe(tricky);
    expect(() => escapeText('bell\u0007')).toThrow(TypeError);
  });
});
