/**
 * Where this workstation keeps its data and whether it runs in training mode, decided once at
 * start from the command line and the environment. Pure, so the rules are tested without Electron.
 */
import { resolve } from 'node:path';

export interface LaunchOptions {
  dataDir: string;
  training: boolean;
}

export class LaunchOptionError extends Error {
  override readonly name = 'LaunchOptionError';
}

const DATA_DIR_FLAG = '--data-dir';

function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === DATA_DIR_FLAG) {
      const next = argv[i + 1];
      // A following flag is not a path: `--data-dir --training` is a mistake, not a folder named "--training".
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new LaunchOptionError(`${DATA_DIR_FLAG} needs a folder`);
      }
      return next;
    }
    if (arg?.startsWith(`${DATA_DIR_FLAG}=`)) {
      const value = arg.slice(DATA_DIR_FLAG.length + 1);
      if (value === '') throw new LaunchOptionError(`${DATA_DIR_FLAG} needs a folder`);
      return value;
    }
  }
  return undefined;
}

/** The flag wins over the environment, the environment over the per-user default. */
export function resolveLaunchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultDataDir: string,
): LaunchOptions {
  const chosen = dataDirFromArgv(argv) ?? (env.AZHO_DATA_DIR || undefined) ?? defaultDataDir;
  return {
    // Relative paths are taken from the working directory once, so a later chdir cannot move the data.
    dataDir: resolve(chosen),
    training: argv.includes('--training') || env.AZHO_TRAINING === '1',
  };
}
