import { describe, expect, it } from 'vitest';
import { parseHostCommand } from './options';

describe('host command line', () => {
  it('takes the data folder from the flag, then the environment, then the default', () => {
    expect(parseHostCommand(['--data-dir', 'x'], { AZHO_DATA_DIR: '/env' }, '/cwd').dataDir).toBe('/cwd/x');
    expect(parseHostCommand(['--data-dir=/abs'], {}, '/cwd').dataDir).toBe('/abs');
    expect(parseHostCommand([], { AZHO_DATA_DIR: '/env' }, '/cwd').dataDir).toBe('/env');
    expect(parseHostCommand([], { XDG_DATA_HOME: '/xdg' }, '/cwd').dataDir).toBe('/xdg/azho');
    expect(parseHostCommand(['--demo'], {}, '/cwd')).toMatchObject({ dataDir: '/cwd/.data/demo', training: true, port: 5780 });
  });

  it('gives training its own data folder by default, and still takes a chosen one', () => {
    expect(parseHostCommand(['--training'], { XDG_DATA_HOME: '/xdg' }, '/cwd').dataDir).toBe('/xdg/azho-training');
    expect(parseHostCommand([], { XDG_DATA_HOME: '/xdg', AZHO_TRAINING: '1' }, '/cwd').dataDir).toBe('/xdg/azho-training');
    expect(parseHostCommand([], { XDG_DATA_HOME: '/xdg' }, '/cwd').dataDir).toBe('/xdg/azho');
    expect(parseHostCommand(['--training', '--data-dir', '/t'], { XDG_DATA_HOME: '/xdg' }, '/cwd').dataDir).toBe('/t');
  });

  it('keeps the key file beside the data unless told otherwise', () => {
    expect(parseHostCommand(['--data-dir', '/d'], {}, '/cwd').keyFile).toBe('/d/host.key');
    expect(parseHostCommand(['--data-dir', '/d', '--key-file', '/k/key'], {}, '/cwd').keyFile).toBe('/k/key');
  });

  it('refuses a bad port or idle time with a sentence saying what is expected', () => {
    expect(() => parseHostCommand(['--port', '70000'], {}, '/')).toThrow(/--port must be/);
    expect(() => parseHostCommand(['--idle-lock-seconds', '0'], {}, '/')).toThrow(/at least 1/);
    expect(parseHostCommand(['--idle-lock-seconds', '3'], {}, '/').idleLockSeconds).toBe(3);
    expect(parseHostCommand(['--links', '2'], {}, '/').links).toBe(2);
    expect(() => parseHostCommand(['--links', '0'], {}, '/')).toThrow(/--links must be/);
  });
});

describe('the simulator of the state systems', () => {
  it('starts with training unless told not to, and takes the decision delay from the command line', () => {
    expect(parseHostCommand([], {}, '/cwd')).toMatchObject({ training: false, simulator: false });
    expect(parseHostCommand(['--training'], {}, '/cwd')).toMatchObject({ simulator: true, decisionDelaySeconds: 20 });
    expect(parseHostCommand(['--demo', '--no-simulator'], {}, '/cwd')).toMatchObject({ training: true, simulator: false });
    expect(parseHostCommand(['--simulator'], {}, '/cwd')).toMatchObject({ training: false, simulator: true });
    expect(parseHostCommand(['--training', '--decision-delay-seconds', '2'], {}, '/cwd').decisionDelaySeconds).toBe(2);
    expect(() => parseHostCommand(['--decision-delay-seconds', '-1'], {}, '/cwd')).toThrow(/decision-delay-seconds/);
  });

  it('watches a scanner hot folder only when given one, resolved against the working folder', () => {
    expect(parseHostCommand([], {}, '/cwd').hotFolder).toBeUndefined();
    expect(parseHostCommand(['--hot-folder', 'scans/in'], {}, '/cwd').hotFolder).toBe('/cwd/scans/in');
    expect(parseHostCommand(['--hot-folder=/srv/scan'], {}, '/cwd').hotFolder).toBe('/srv/scan');
    expect(parseHostCommand([], { AZHO_HOT_FOLDER: '/env/scan' }, '/cwd').hotFolder).toBe('/env/scan');
    expect(() => parseHostCommand(['--hot-folder='], {}, '/cwd')).toThrow(/--hot-folder/);
  });
});

describe('the computer\'s own pieces', () => {
  it('takes the trust folder and NCALayer from the flags or the environment, and refuses an NCALayer elsewhere', () => {
    const fromEnv = parseHostCommand([], { AZHO_TRUST_DIR: 'trust', AZHO_NCALAYER_URL: 'wss://127.0.0.1:13579', AZHO_NCALAYER_CA: 'nca.pem' }, '/cwd');
    expect(fromEnv).toMatchObject({ trustDir: '/cwd/trust', ncaLayer: { url: 'wss://127.0.0.1:13579', caFile: '/cwd/nca.pem' } });
    expect(parseHostCommand(['--trust-dir', '/etc/trust'], { AZHO_TRUST_DIR: 'other' }, '/cwd').trustDir).toBe('/etc/trust');
    expect(() => parseHostCommand(['--ncalayer-url', 'wss://example.kz:13579'], {}, '/cwd')).toThrow(/ncalayer-url/);
  });
});
