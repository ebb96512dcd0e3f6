import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { openCounter } from '../../../test/support/counter';
import { tempDir } from '../../../test/support/tempDir';
import type { TestCore } from '../../../test/support/workstation';
import { HotFolder, REFUSED, TAKEN, type Outcome } from './hotFolder';

const dirs: { remove(): void }[] = [];
let core: TestCore | undefined;
afterEach(() => {
  core?.dispose();
  core = undefined;
  for (const d of dirs.splice(0)) d.remove();
});

/** A JPEG page of some 100 KB: grain over a shade, so that its bytes do not compress away. */
const page = (shade = 240) =>
  sharp({ create: { width: 400, height: 560, channels: 3, background: { r: shade, g: shade, b: shade }, noise: { type: 'gaussian', mean: shade, sigma: 20 } } })
    .jpeg({ quality: 90 })
    .toBuffer();

/** A hot folder inside a parent folder (to see that nothing lands beside it), on a hand-moved clock. */
function setUp(options: { ready?: () => boolean; take?: (content: Buffer) => Promise<Outcome> } = {}) {
  const root = tempDir();
  dirs.push(root);
  const dir = join(root.path, 'hot');
  mkdirSync(dir);
  let now = 0;
  const taken: Buffer[] = [];
  const folder = new HotFolder({
    dir,
    ready: options.ready ?? (() => true),
    take: options.take ?? (async (content) => (taken.push(content), { kind: 'taken' })),
    now: () => now,
    stableMs: 1000,
    giveUpMs: 30_000,
  });
  return {
    root: root.path,
    dir,
    folder,
    taken,
    at: async (ms: number) => {
      now = ms;
      await folder.pass();
    },
    list: (sub: string) => readdirSync(join(dir, sub)),
  };
}

describe('the hot folder', () => {
  it('takes a file written slowly only once it is whole and has stood still for a second', async () => {
    const h = setUp();
    await h.folder.prepare();
    const whole = await page();
    const file = join(h.dir, 'scan0001.jpg');
    writeFileSync(file, whole.subarray(0, 1000));
    await h.at(0);
    await h.at(500);
    expect(h.taken).toHaveLength(0);
    // Unchanged for over a second but not whole (no end marker): the scanner paused; wait.
    await h.at(1600);
    expect(h.taken).toHaveLength(0);
    expect(existsSync(file)).toBe(true);
    appendFileSync(file, whole.subarray(1000));
    await h.at(1700);
    // Whole now, but it has only just changed.
    expect(h.taken).toHaveLength(0);
    await h.at(2800);
    expect(h.taken).toHaveLength(1);
    expect(h.taken[0]!.equals(whole)).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(h.list(TAKEN)).toEqual([expect.stringMatching(/-scan0001\.jpg$/)]);
  });

  it('refuses a file that never becomes whole, after a while, with the reason beside it', async () => {
    const h = setUp();
    await h.folder.prepare();
    const whole = await page();
    writeFileSync(join(h.dir, 'stuck.jpg'), whole.subarray(0, 2000));
    await h.at(0);
    await h.at(29_000);
    expect(h.list(REFUSED)).toEqual([]);
    await h.at(31_000);
    const refused = h.list(REFUSED).sort();
    expect(refused).toHaveLength(2);
    expect(readFileSync(join(h.dir, REFUSED, refused.find((n) => n.endsWith('.txt'))!), 'utf8')).toMatch(/^scan\.truncated\n/);
  });

  it('refuses an archive called passport.pdf, moving it to refused/ with the reason', async () => {
    const h = setUp();
    await h.folder.prepare();
    writeFileSync(join(h.dir, 'passport.pdf'), Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(4000, 9)]));
    await h.at(0);
    await h.at(1200);
    expect(h.taken).toHaveLength(0);
    const refused = h.list(REFUSED).sort();
    expect(refused).toEqual([expect.stringMatching(/-passport\.pdf$/), expect.stringMatching(/-passport\.pdf\.txt$/)]);
    expect(readFileSync(join(h.dir, REFUSED, refused[1]!), 'utf8')).toContain('scan.archive');
  });

  it('keeps every file inside the folder whatever its name, and never reads through a link', async () => {
    const h = setUp();
    await h.folder.prepare();
    const jpeg = await page();
    const names = ['..jpg', '..\\..\\evil.jpg', 'line\nbreak.jpg', '-rf .jpg', '$(touch pwned).jpg', ' ..leading.jpg', 'x'.repeat(250) + '.jpg'];
    for (const [i, name] of names.entries()) writeFileSync(join(h.dir, name), Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe, 0, 4, 0x30 + i, 0x30]), jpeg.subarray(2)]));
    const secret = join(h.root, 'outside.jpg');
    writeFileSync(secret, jpeg);
    symlinkSync(secret, join(h.dir, 'link.jpg'));
    symlinkSync('../outside.jpg', join(h.dir, 'relative.jpg'));
    const parentBefore = readdirSync(h.root).sort();
    await h.at(0);
    await h.at(1500);
    expect(h.taken).toHaveLength(names.length);
    // Nothing left in the folder but its two sub-folders; nothing new beside it.
    expect(readdirSync(h.dir).sort()).toEqual([REFUSED, TAKEN]);
    expect(readdirSync(h.root).sort()).toEqual(parentBefore);
    expect(h.list(TAKEN)).toHaveLength(names.length);
    for (const moved of [...h.list(TAKEN), ...h.list(REFUSED)]) {
      expect(moved).not.toContain('/');
      expect(moved).not.toContain('\n');
      expect(moved).not.toMatch(/^\./);
      expect(moved.length).toBeLessThan(160);
    }
    // The links were moved as links, refused; the file they pointed to is where it was, unread.
    expect(h.list(REFUSED).filter((n) => n.endsWith('.txt'))).toHaveLength(2);
    expect(readFileSync(secret).equals(jpeg)).toBe(true);
    expect(h.taken.some((t) => t.equals(jpeg))).toBe(false);
  });

  it('reads nothing while no case would take the page, then takes it', async () => {
    let ready = false;
    const h = setUp({ ready: () => ready });
    await h.folder.prepare();
    writeFileSync(join(h.dir, 'a.jpg'), await page());
    await h.at(0);
    await h.at(5000);
    expect(h.taken).toHaveLength(0);
    expect(readdirSync(h.dir)).toContain('a.jpg');
    ready = true;
    await h.at(5100);
    expect(h.taken).toHaveLength(1);
  });
});

describe('the hot folder at the counter', () => {
  it('attaches pages to the case the operator has open, first required document without a scan first', async () => {
    const root = tempDir();
    dirs.push(root);
    const hot = join(root.path, 'hot');
    core = await openCounter({ scans: { hotFolder: hot } });
    let c = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
    c = await core.call('cases.handOver', { caseId: c.id, version: c.version, documents: ['application', 'applicantIdentity'] }, 'counter-1');
    expect(await core.call('scans.capabilities', {}, 'counter-1')).toEqual({ scanner: expect.any(Boolean), hotFolder: hot });
    // A page before anyone has a case's scans open waits in the folder.
    writeFileSync(join(hot, 'first.jpg'), await page(200));
    await new Promise((r) => setTimeout(r, 1800));
    expect(readdirSync(hot)).toContain('first.jpg');

    await core.call('scans.list', { caseId: c.id }, 'counter-1');
    await expect.poll(async () => (await core!.call('scans.list', { caseId: c.id }, 'counter-1')).scans.length, { timeout: 5000 }).toBe(1);
    writeFileSync(join(hot, 'second.jpg'), await page(100));
    await expect.poll(async () => (await core!.call('scans.list', { caseId: c.id }, 'counter-1')).scans.length, { timeout: 5000 }).toBe(2);
    const { scans } = await core.call('scans.list', { caseId: c.id }, 'counter-1');
    expect(scans.map((s) => [s.documentId, s.source])).toEqual([['application', 'hotFolder'], ['applicantIdentity', 'hotFolder']]);
    expect(core.events.filter((e) => e.event.name === 'scans.changed')).toHaveLength(2);
    expect(core.auditActions().filter((a) => a === 'scans.added')).toHaveLength(2);
    expect(readdirSync(join(hot, TAKEN))).toHaveLength(2);

    // Locked (the screen): the next page waits until the operator is back.
    await core.call('auth.lock', {}, 'counter-1');
    writeFileSync(join(hot, 'third.jpg'), await page(50));
    await new Promise((r) => setTimeout(r, 1800));
    expect(readdirSync(hot)).toContain('third.jpg');
  });
});
