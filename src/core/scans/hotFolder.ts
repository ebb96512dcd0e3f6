/**
 * The scanner's hot folder: the folder the scanner's own software saves into. A file is taken
 * once its size and time have not changed for a while and its bytes are whole; taken files move
 * to `taken/`, refused ones to `refused/` with a `.txt` giving the reason. Only regular files
 * directly in the folder are read (never through a link); whatever a name holds, a file is only
 * ever moved to a name made here, inside the folder.
 */
import { constants, watch, type FSWatcher } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { MAX_SCAN_BYTES } from '../../shared/scans';
import { recogniseScan } from './recognise';

export type Outcome = { kind: 'taken' } | { kind: 'wait' } | { kind: 'refused'; reason: string };

export interface HotFolderOptions {
  dir: string;
  /** Whether some case would take a file now; when not, files are not even read. */
  ready(): boolean;
  take(content: Buffer): Promise<Outcome>;
  /** How long a file must stay unchanged before it is read (~1 s). */
  stableMs?: number;
  pollMs?: number;
  /** A file still not whole after this long unchanged is refused as truncated. */
  giveUpMs?: number;
  now?: () => number;
  log?: (line: string) => void;
}

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

export const TAKEN = 'taken';
export const REFUSED = 'refused';

const REASONS: Record<string, string> = {
  'scan.empty': 'Файл бос. Файл пустой. The file is empty.',
  'scan.tooLarge': 'Файл тым үлкен (50 МБ-тан артық). Файл слишком большой (более 50 МБ). The file is over 50 MB.',
  'scan.unknownType': 'Бұл PDF, JPEG, PNG не TIFF емес. Это не PDF, JPEG, PNG или TIFF. Not a PDF, JPEG, PNG or TIFF.',
  'scan.archive': 'Бұл архив, скан емес. Это архив, а не скан. An archive, not a scan.',
  'scan.truncated': 'Файл толық емес (үзілген). Файл неполный (оборван). The file is incomplete.',
  'scan.tooManyPages': 'Беттер тым көп. Слишком много страниц. Too many pages.',
  'scan.notAFile': 'Бұл қарапайым файл емес (сілтеме не құрылғы). Это не обычный файл (ссылка или устройство). Not a regular file.',
};

/** A name made here for a moved file: letters, digits and a few signs, never a path, never hidden. */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(-120);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `${stamp}-${randomBytes(3).toString('hex')}-${cleaned || 'scan'}`;
}

export class HotFolder {
  private readonly seen = new Map<string, Seen>();
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly o: HotFolderOptions) {}

  private now() {
    return (this.o.now ?? Date.now)();
  }

  /** Makes the folder and its taken/ and refused/ sub-folders. */
  async prepare(): Promise<void> {
    await mkdir(join(this.o.dir, TAKEN), { recursive: true, mode: 0o700 });
    await mkdir(join(this.o.dir, REFUSED), { recursive: true, mode: 0o700 });
  }

  /** Watches the folder, and looks at it every half second besides. */
  async start(): Promise<void> {
    await this.prepare();
    try {
      this.watcher = watch(this.o.dir, { persistent: false }, () => this.poke());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // Some file systems (network shares) cannot be watched: the periodic pass still runs.
    }
    this.timer = setInterval(() => this.poke(), this.o.pollMs ?? 500);
    this.timer.unref();
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watcher?.close();
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs a pass now, or right after the one running. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((err: unknown) => this.o.log?.(`hot folder pass failed: ${(err as Error).message}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** One look at the folder; resolves when every file ready in it has been dealt with. */
  async pass(): Promise<void> {
    const entries = await readdir(this.o.dir, { withFileTypes: true });
    const now = this.now();
    const present = new Set<string>();
    const candidates: { name: string; seen: Seen }[] = [];
    for (const entry of entries) {
      const name = entry.name;
      // readdir never gives a path; refuse to believe otherwise.
      if (basename(name) !== name || name === '.' || name === '..') continue;
      if (entry.isDirectory()) continue;
      present.add(name);
      if (!entry.isFile()) {
        await this.move(name, REFUSED, 'scan.notAFile');
        continue;
      }
      let stat;
      try {
        stat = await lstat(join(this.o.dir, name));
      } catch {
        continue;
      }
      const before = this.seen.get(name);
      const seen = before && before.size === stat.size && before.mtimeMs === stat.mtimeMs ? before : { size: stat.size, mtimeMs: stat.mtimeMs, since: now };
      this.seen.set(name, seen);
      if (now - seen.since >= (this.o.stableMs ?? 1000)) candidates.push({ name, seen });
    }
    for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
    // Oldest first: pages come in the order they were scanned.
    candidates.sort((a, b) => a.seen.mtimeMs - b.seen.mtimeMs || a.name.localeCompare(b.name));
    for (const { name, seen } of candidates) {
      if (this.stopped) return;
      await this.consider(name, seen, now);
    }
  }

  private async consider(name: string, seen: Seen, now: number): Promise<void> {
    if (seen.size > MAX_SCAN_BYTES) return this.move(name, REFUSED, 'scan.tooLarge');
    if (!this.o.ready()) return;
    const content = await this.read(name, seen.size);
    if (content === 'notAFile') return this.move(name, REFUSED, 'scan.notAFile');
    if (!content) return;
    const recognised = recogniseScan(content);
    if (!recognised.ok && (recognised.refusal === 'truncated' || recognised.refusal === 'empty')) {
      // Still being written, or a scanner that paused: wait, up to a point.
      if (now - seen.since < (this.o.giveUpMs ?? 60_000)) return;
    }
    if (!recognised.ok) return this.move(name, REFUSED, `scan.${recognised.refusal}`);
    const outcome = await this.o.take(content);
    if (outcome.kind === 'taken') await this.move(name, TAKEN);
    else if (outcome.kind === 'refused') await this.move(name, REFUSED, outcome.reason);
  }

  /** The file's bytes, read without following a link; null when it changed under us. */
  private async read(name: string, size: number): Promise<Buffer | null | 'notAFile'> {
    let handle;
    try {
      handle = await open(join(this.o.dir, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'notAFile' : null;
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return 'notAFile';
      if (stat.size !== size) return null;
      const content = Buffer.alloc(size);
      for (let at = 0; at < size; ) {
        const { bytesRead } = await handle.read(content, at, size - at, at);
        if (bytesRead === 0) return null;
        at += bytesRead;
      }
      return content;
    } finally {
      await handle.close();
    }
  }

  private async move(name: string, to: typeof TAKEN | typeof REFUSED, reason?: string): Promise<void> {
    const target = safeName(name);
    try {
      await rename(join(this.o.dir, name), join(this.o.dir, to, target));
    } catch (err) {
      this.o.log?.(`hot folder: could not move a file to ${to}/: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
      return;
    }
    this.seen.delete(name);
    if (reason) {
      const text = `${reason}\n${REASONS[reason] ?? ''}\n`;
      await writeFile(join(this.o.dir, to, `${target}.txt`), text, { flag: 'wx', mode: 0o600 }).catch(() => undefined);
    }
  }
}
