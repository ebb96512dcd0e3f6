/**
 * Where this workstation keeps its data, whether it runs in training mode, and the folders and
 * programs of this computer it works with (the scanner's hot folder, the signature trust folder,
 * NCALayer), decided once at start from the command line and the environment. Pure, so the rules
 * are tested without Electron.
 */
import { dirname, join, resolve } from 'node:path';

export interface LaunchOptions {
  dataDir: string;
  training: boolean;
  /** The folder the scanner's own software saves into. */
  hotFolder?: string;
  /** Authorities' certificates and CRLs trusted for signatures, besides the settings. */
  trustDir?: string;
  /** NCALayer on this computer, and the file with the CA of its TLS certificate. */
  ncaLayer?: { url: string; caFile?: string };
  /** Join a branch at the first start (a hall's kiosk or board, a scripted set-up): all four or none. */
  branch?: { enrollUrl: string; apiUrl: string; caFile: string; code: string };
}

export class LaunchOptionError extends Error {
  override readonly name = 'LaunchOptionError';
}

/** A flag's value, as `--flag value` or `--flag=value`. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === flag) {
      const next = argv[i + 1];
      // A following flag is not a value: `--data-dir --training` is a mistake, not a folder named "--training".
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new LaunchOptionError(`${flag} needs a value`);
      }
      return next;
    }
    if (arg?.startsWith(`${flag}=`)) {
      const value = arg.slice(flag.length + 1);
      if (value === '') throw new LaunchOptionError(`${flag} needs a value`);
      return value;
    }
  }
  return undefined;
}

const NCALAYER_URL = /^wss:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/;

/**
 * The flag wins over the environment, the environment over the per-user default. Training has a
 * default folder of its own beside the live one (`<userData>/training` next to `<userData>/data`),
 * so made-up applicants never land among real ones; the database also remembers its mode and
 * refuses to open in the other.
 */
export function resolveLaunchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultDataDir: string,
): LaunchOptions {
  const training = argv.includes('--training') || env.AZHO_TRAINING === '1';
  const byDefault = training ? join(dirname(defaultDataDir), 'training') : defaultDataDir;
  const chosen = flagValue(argv, '--data-dir') ?? (env.AZHO_DATA_DIR || undefined) ?? byDefault;
  const folder = (flag: string, variable: string) => {
    const value = flagValue(argv, flag) ?? (env[variable] || undefined);
    return value === undefined ? undefined : resolve(value);
  };
  const ncaLayerUrl = flagValue(argv, '--ncalayer-url') ?? (env.AZHO_NCALAYER_URL || undefined);
  if (ncaLayerUrl !== undefined && !NCALAYER_URL.test(ncaLayerUrl)) {
    throw new LaunchOptionError('--ncalayer-url must be wss://127.0.0.1:<port> (NCALayer runs on this computer)');
  }
  const caFile = folder('--ncalayer-ca', 'AZHO_NCALAYER_CA');
  return {
    // Relative paths are taken from the working directory once, so a later chdir cannot move the data.
    dataDir: resolve(chosen),
    training,
    hotFolder: folder('--hot-folder', 'AZHO_HOT_FOLDER'),
    trustDir: folder('--trust-dir', 'AZHO_TRUST_DIR'),
    ncaLayer: ncaLayerUrl === undefined ? undefined : { url: ncaLayerUrl, ...(caFile ? { caFile } : {}) },
    branch: branchOf(argv, env),
  };
}

/** The same four as the web host's: --branch-enroll-url, --branch-api-url, --branch-ca, --branch-code. */
function branchOf(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LaunchOptions['branch'] {
  const value = (flag: string, variable: string) => flagValue(argv, flag) ?? (env[variable] || undefined);
  const enrollUrl = value('--branch-enroll-url', 'AZHO_BRANCH_ENROLL_URL');
  const apiUrl = value('--branch-api-url', 'AZHO_BRANCH_API_URL');
  const caFile = value('--branch-ca', 'AZHO_BRANCH_CA');
  const code = value('--branch-code', 'AZHO_BRANCH_CODE');
  if ([enrollUrl, apiUrl, caFile, code].every((v) => v === undefined)) return undefined;
  if (!enrollUrl || !apiUrl || !caFile || !code) {
    throw new LaunchOptionError('To join a branch give all four: --branch-enroll-url, --branch-api-url, --branch-ca and --branch-code');
  }
  return { enrollUrl, apiUrl, caFile: resolve(caFile), code };
}
