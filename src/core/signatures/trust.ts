/**
 * Whom a signature must chain to, and the revocation lists: the administrator's settings, plus
 * the authorities' certificates and CRLs in a trust folder given at start-up (a branch's managed
 * trust store: authorities in `trusted-roots.pem` or `*.crt`/`*.cer` files, revocation lists in
 * `crl.pem` or `*.crl` files — other files, such as holders' certificates, are not trusted), plus
 * in training the training PKI's authorities. Settings are re-validated on read, like every setting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { SigningSettings } from '../../shared/scans';
import { certificatesFromPem, crlsFromPem } from '../pki/x509';
import type { TrustSettings } from '../pki/verify';

export const DEFAULT_SIGNING_SETTINGS: SigningSettings = { trustedRootsPem: '', crlPem: '', ocspUrl: null, required: true };

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

/** The PEM blocks of a kind in a text. */
function blocks(text: string, kind: string): string[] {
  return [...text.matchAll(PEM)].filter((m) => m[1] === kind).map((m) => m[0]);
}

/** Certificates and CRLs found in a folder (not below it); unreadable files are skipped with a line in the log. */
export function readTrustFolder(dir: string, log: (line: string) => void): { rootsPem: string; crlPem: string } {
  const roots: string[] = [];
  const crls: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch (err) {
    log(`trust folder ${dir} cannot be read: ${(err as Error).message}`);
  }
  for (const name of names.sort()) {
    const authorities = name === 'trusted-roots.pem' || /\.(crt|cer)$/i.test(name);
    const revocations = name === 'crl.pem' || /\.crl$/i.test(name);
    if (!authorities && !revocations) continue;
    try {
      const text = readFileSync(join(dir, name), 'utf8');
      if (authorities) roots.push(...blocks(text, 'CERTIFICATE'));
      if (revocations) crls.push(...blocks(text, 'X509 CRL'));
    } catch (err) {
      log(`trust file ${name} cannot be read: ${(err as Error).message}`);
    }
  }
  return { rootsPem: roots.join('\n'), crlPem: crls.join('\n') };
}

export function createSigningSettingsStore(db: Database, extra: { rootsPem: string; crlPem: string }) {
  const read = db.prepare("SELECT value FROM settings WHERE key = 'signing'");
  const write = db.prepare("INSERT INTO settings (key, value) VALUES ('signing', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  const get = (): SigningSettings => {
    const row = read.get() as { value: string } | undefined;
    const parsed = row ? SigningSettings.safeParse(JSON.parse(row.value)) : undefined;
    return parsed?.success ? parsed.data : DEFAULT_SIGNING_SETTINGS;
  };
  return {
    get,
    put: (settings: SigningSettings) => void write.run(JSON.stringify(settings)),
    /** PEM text that parses: a certificate or CRL that does not is pointed at, not stored. */
    check(settings: SigningSettings) {
      try {
        certificatesFromPem(settings.trustedRootsPem);
      } catch {
        throw new AppError({ code: 'VALIDATION', issues: [{ path: 'trustedRootsPem', reason: 'signing.pem' }] });
      }
      try {
        crlsFromPem(settings.crlPem);
      } catch {
        throw new AppError({ code: 'VALIDATION', issues: [{ path: 'crlPem', reason: 'signing.pem' }] });
      }
    },
    count: (text: string, kind: string) => blocks(text, kind).length,
    /** What verification trusts now: the settings and the start-up trust folder together. */
    trust(): TrustSettings {
      const s = get();
      return {
        trustedRootsPem: [s.trustedRootsPem, extra.rootsPem].filter(Boolean).join('\n'),
        crlPem: [s.crlPem, extra.crlPem].filter(Boolean).join('\n'),
        ocspUrl: s.ocspUrl,
      };
    },
  };
}

export type SigningSettingsStore = ReturnType<typeof createSigningSettingsStore>;
