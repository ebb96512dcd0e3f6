import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchOptionError, resolveLaunchOptions } from './dataDir';

const DEFAULT = '/home/operator/.config/АЖО/data';
const exe = ['/opt/azho/azho'];

describe('resolveLaunchOptions', () => {
  it('uses the per-user folder when nothing is given', () => {
    expect(resolveLaunchOptions(exe, {}, DEFAULT)).toEqual({ dataDir: DEFAULT, training: false });
  });

  it('takes --data-dir=PATH and --data-dir PATH', () => {
    expect(resolveLaunchOptions([...exe, '--data-dir=/srv/azho'], {}, DEFAULT).dataDir).toBe('/srv/azho');
    expect(resolveLaunchOptions([...exe, '--data-dir', '/srv/azho'], {}, DEFAULT).dataDir).toBe('/srv/azho');
  });

  it('prefers the flag to AZHO_DATA_DIR, and AZHO_DATA_DIR to the default', () => {
    const env = { AZHO_DATA_DIR: '/var/lib/azho' };
    expect(resolveLaunchOptions([...exe, '--data-dir=/srv/azho'], env, DEFAULT).dataDir).toBe('/srv/azho');
    expect(resolveLaunchOptions(exe, env, DEFAULT).dataDir).toBe('/var/lib/azho');
    expect(resolveLaunchOptions(exe, { AZHO_DATA_DIR: '' }, DEFAULT).dataDir).toBe(DEFAULT);
  });

  it('makes a relative folder absolute', () => {
    expect(resolveLaunchOptions([...exe, '--data-dir=demo-data'], {}, DEFAULT).dataDir).toBe(resolve('demo-data'));
  });

  it('refuses a --data-dir without a folder', () => {
    expect(() => resolveLaunchOptions([...exe, '--data-dir'], {}, DEFAULT)).toThrow(LaunchOptionError);
    expect(() => resolveLaunchOptions([...exe, '--data-dir='], {}, DEFAULT)).toThrow(LaunchOptionError);
    expect(() => resolveLaunchOptions([...exe, '--data-dir', '--training'], {}, DEFAULT)).toThrow(LaunchOptionError);
  });

  it('keeps training in its own folder beside the live one unless a folder is chosen', () => {
    expect(resolveLaunchOptions([...exe, '--training'], {}, DEFAULT).dataDir).toBe('/home/operator/.config/АЖО/training');
    expect(resolveLaunchOptions(exe, { AZHO_TRAINING: '1' }, DEFAULT).dataDir).toBe('/home/operator/.config/АЖО/training');
    expect(resolveLaunchOptions([...exe, '--training', '--data-dir=/srv/class'], {}, DEFAULT).dataDir).toBe('/srv/class');
    expect(resolveLaunchOptions(exe, {}, DEFAULT).dataDir).toBe(DEFAULT);
  });

  it('turns on training with --training or AZHO_TRAINING=1 only', () => {
    expect(resolveLaunchOptions([...exe, '--training'], {}, DEFAULT).training).toBe(true);
    expect(resolveLaunchOptions(exe, { AZHO_TRAINING: '1' }, DEFAULT).training).toBe(true);
    expect(resolveLaunchOptions(exe, { AZHO_TRAINING: '0' }, DEFAULT).training).toBe(false);
    expect(resolveLaunchOptions([...exe, '--training=no'], {}, DEFAULT).training).toBe(false);
  });

  it('reads flags wherever Electron puts them (dev runs add the app path)', () => {
    const argv = ['/usr/lib/electron/electron', '.', '--training', '--data-dir', '/tmp/d'];
    expect(resolveLaunchOptions(argv, {}, DEFAULT)).toEqual({ dataDir: '/tmp/d', training: true });
  });

  it('takes the hot folder, the trust folder and NCALayer from the flags or the environment', () => {
    const options = resolveLaunchOptions(
      [...exe, '--hot-folder', '/scans/in', '--ncalayer-url=wss://127.0.0.1:13579', '--ncalayer-ca', '/etc/ncalayer-ca.pem'],
      { AZHO_TRUST_DIR: '/etc/azho/trust' },
      DEFAULT,
    );
    expect(options).toEqual({
      dataDir: DEFAULT,
      training: false,
      hotFolder: '/scans/in',
      trustDir: '/etc/azho/trust',
      ncaLayer: { url: 'wss://127.0.0.1:13579', caFile: '/etc/ncalayer-ca.pem' },
    });
    // NCALayer runs on this computer: another host is refused, not trusted.
    expect(() => resolveLaunchOptions([...exe, '--ncalayer-url', 'wss://example.kz:13579'], {}, DEFAULT)).toThrow(LaunchOptionError);
    expect(() => resolveLaunchOptions([...exe, '--hot-folder'], {}, DEFAULT)).toThrow(LaunchOptionError);
  });

  it('joins a branch at start with all four branch flags, or their variables, and refuses three of them', () => {
    const flags = ['--branch-enroll-url', 'https://branch:5791', '--branch-api-url', 'https://branch:5790', '--branch-ca', '/etc/azho/ca.crt', '--branch-code', 'ABCD-EFGH-JKMN-PQRS'];
    expect(resolveLaunchOptions(flags, {}, '/home/u/.config/azho').branch).toEqual({
      enrollUrl: 'https://branch:5791',
      apiUrl: 'https://branch:5790',
      caFile: '/etc/azho/ca.crt',
      code: 'ABCD-EFGH-JKMN-PQRS',
    });
    const env = { AZHO_BRANCH_ENROLL_URL: 'https://b:1', AZHO_BRANCH_API_URL: 'https://b:2', AZHO_BRANCH_CA: '/ca.crt', AZHO_BRANCH_CODE: 'WXYZ-WXYZ-WXYZ-WXYZ' };
    expect(resolveLaunchOptions([], env, '/d').branch).toMatchObject({ apiUrl: 'https://b:2' });
    expect(resolveLaunchOptions([], {}, '/d').branch).toBeUndefined();
    expect(() => resolveLaunchOptions(flags.slice(0, 6), {}, '/d')).toThrow(LaunchOptionError);
  });
});
