/**
 * SANE's scanimage, run as a program (execFile, never a shell): whether it sees a scanner, and a
 * page scanned as PNG within a time limit. Anything else (not installed, no device, a jam, the
 * limit passed) is "no scanner" to the operator.
 */
import { execFile } from 'node:child_process';
import { MAX_SCAN_BYTES } from '../../shared/scans';

export interface Scanner {
  /** scanimage -L lists at least one device (the answer is kept for a while: probing USB is slow). */
  available(): Promise<boolean>;
  /** One page as PNG bytes; rejects when no page came. */
  scan(): Promise<Buffer>;
}

export interface SaneOptions {
  command?: string;
  listTimeoutMs?: number;
  scanTimeoutMs?: number;
  cacheMs?: number;
  now?: () => number;
}

function run(command: string, args: string[], timeout: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { encoding: 'buffer', timeout, maxBuffer: MAX_SCAN_BYTES, windowsHide: true, killSignal: 'SIGKILL' },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
  });
}

export function saneScanner(options: SaneOptions = {}): Scanner {
  const command = options.command ?? 'scanimage';
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? 30_000;
  let known: { at: number; answer: Promise<boolean> } | undefined;
  // One scan at a time: a second press waits for the first page.
  let line: Promise<unknown> = Promise.resolve();

  return {
    available() {
      if (!known || now() - known.at > cacheMs) {
        const answer = run(command, ['-L'], options.listTimeoutMs ?? 15_000).then(
          (out) => /^device [`']/m.test(out.toString('utf8')),
          () => false,
        );
        known = { at: now(), answer };
      }
      return known.answer;
    },
    scan() {
      const page = line.then(() => run(command, ['--format=png'], options.scanTimeoutMs ?? 120_000));
      line = page.catch(() => undefined);
      return page;
    },
  };
}
