/** The web host's command line, as a pure function so it is tested without starting anything. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface HostCommand {
  dataDir: string;
  port: number;
  training: boolean;
  idleLockSeconds?: number;
  keyFile: string;
  passphrase?: string;
  /** How many one-time links to print at start (one per browser: a second operator, a test's second window). */
  links: number;
  /**
   * Start the simulator of the state systems beside the host and use it as the gateway: on by
   * default in training (--no-simulator leaves the configured gateway in use); --simulator asks
   * for it outside training too (acceptance tests of a build). And how long its target systems
   * take to decide.
   */
  simulator: boolean;
  decisionDelaySeconds: number;
  /** --hot-folder DIR: the folder the scanner's own software saves into, watched for pages. */
  hotFolder?: string;
  /** NCALayer's address and the file with its certificate's CA (live counters). */
  ncaLayer?: { url: string; caFile: string | null };
  /** A folder of authorities' certificates and CRLs trusted for signatures. */
  trustDir?: string;
  /** Join a branch at the first start: its enrollment and API addresses, its CA file, the one-time code. */
  branch?: { enrollUrl: string; apiUrl: string; caFile: string; code: string };
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = argv[i]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
}

export function parseHostCommand(argv: string[], env: NodeJS.ProcessEnv, cwd: string): HostCommand {
  const demo = argv.includes('--demo');
  const training = demo || argv.includes('--training') || env.AZHO_TRAINING === '1';
  // Training keeps its own folder by default: its made-up applicants never sit beside real ones.
  const defaultDir = demo
    ? join(cwd, '.data', 'demo')
    : join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), training ? 'azho-training' : 'azho');
  const dataDir = resolve(cwd, flag(argv, 'data-dir') ?? env.AZHO_DATA_DIR ?? defaultDir);
  const port = Number(flag(argv, 'port') ?? env.AZHO_PORT ?? (demo ? 5780 : 0));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${port}`);
  const idle = flag(argv, 'idle-lock-seconds');
  const idleLockSeconds = idle === undefined ? undefined : Number(idle);
  if (idleLockSeconds !== undefined && (!Number.isInteger(idleLockSeconds) || idleLockSeconds < 1)) {
    throw new Error('--idle-lock-seconds must be a whole number of seconds, at least 1');
  }
  const links = Number(flag(argv, 'links') ?? 1);
  if (!Number.isInteger(links) || links < 1 || links > 20) throw new Error('--links must be a whole number from 1 to 20');
  const decisionDelaySeconds = Number(flag(argv, 'decision-delay-seconds') ?? 20);
  if (!Number.isInteger(decisionDelaySeconds) || decisionDelaySeconds < 0 || decisionDelaySeconds > 3600) {
    throw new Error('--decision-delay-seconds must be a whole number from 0 to 3600');
  }
  const hotFolder = flag(argv, 'hot-folder') ?? env.AZHO_HOT_FOLDER;
  if (hotFolder !== undefined && hotFolder.trim() === '') throw new Error('--hot-folder needs a folder');
  return {
    hotFolder: hotFolder === undefined ? undefined : resolve(cwd, hotFolder),
    ncaLayer: ncaLayerOf(flag(argv, 'ncalayer-url') ?? env.AZHO_NCALAYER_URL, flag(argv, 'ncalayer-ca') ?? env.AZHO_NCALAYER_CA, cwd),
    trustDir: pathOf(flag(argv, 'trust-dir') ?? env.AZHO_TRUST_DIR, cwd),
    branch: branchOf(argv, env, cwd),
    simulator: (training && !argv.includes('--no-simulator')) || argv.includes('--simulator'),
    decisionDelaySeconds,
    links,
    dataDir,
    port,
    training,
    idleLockSeconds,
    keyFile: resolve(cwd, flag(argv, 'key-file') ?? env.AZHO_KEY_FILE ?? join(dataDir, 'host.key')),
    passphrase: env.AZHO_PASSPHRASE || undefined,
  };
}

function ncaLayerOf(url: string | undefined, caFile: string | undefined, cwd: string): HostCommand['ncaLayer'] {
  if (url === undefined) return undefined;
  if (!/^wss:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(url)) throw new Error('--ncalayer-url must be wss://127.0.0.1:<port> (NCALayer runs on this computer)');
  return { url, caFile: caFile === undefined ? null : resolve(cwd, caFile) };
}

function pathOf(value: string | undefined, cwd: string): string | undefined {
  return value ? resolve(cwd, value) : undefined;
}

function branchOf(argv: string[], env: NodeJS.ProcessEnv, cwd: string): HostCommand['branch'] {
  const enrollUrl = flag(argv, 'branch-enroll-url') ?? env.AZHO_BRANCH_ENROLL_URL;
  const apiUrl = flag(argv, 'branch-api-url') ?? env.AZHO_BRANCH_API_URL;
  const caFile = flag(argv, 'branch-ca') ?? env.AZHO_BRANCH_CA;
  const code = flag(argv, 'branch-code') ?? env.AZHO_BRANCH_CODE;
  const given = [enrollUrl, apiUrl, caFile, code].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (!enrollUrl || !apiUrl || !caFile || !code) {
    throw new Error('To join a branch give all four: --branch-enroll-url, --branch-api-url, --branch-ca and --branch-code');
  }
  return { enrollUrl, apiUrl, caFile: resolve(cwd, caFile), code };
}
