import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipcChannels';
import { registerIpcBridge, trustedSenderCheck, type InvokeEvent } from './ipcBridge';
import { APP_ORIGIN } from './security';
import { FakeContents, FakeCore, FakeIpcMain, invokeEvent, mainFrame, subFrame } from './testFakes';

const PAGE = `${APP_ORIGIN}/index.html`;

function setUp(core = new FakeCore()) {
  const ipcMain = new FakeIpcMain();
  const logged: string[] = [];
  const dispose = registerIpcBridge({
    ipcMain,
    core,
    isTrustedSender: trustedSenderCheck([APP_ORIGIN]),
    log: (line) => logged.push(line),
  });
  const call = (event: InvokeEvent, name: unknown, input?: unknown) => ipcMain.invoke(INVOKE_CHANNEL, event, name, input);
  return { ipcMain, core, logged, dispose, call };
}

describe('a call from the page', () => {
  it('is forwarded to the core as this window, and the core’s envelope comes back as it is', async () => {
    const core = new FakeCore(async () => ({ ok: true, value: { ready: true } }));
    const { call } = setUp(core);

    const result = await call(invokeEvent(new FakeContents(7), mainFrame(PAGE)), 'app.status', {});

    expect(result).toEqual({ ok: true, value: { ready: true } });
    expect(core.calls).toEqual([{ name: 'app.status', input: {}, caller: { clientId: 'win-7' } }]);
  });

  it('gives the core the input in its wire shape, not the parsed output', async () => {
    const { core, call } = setUp();
    await call(invokeEvent(new FakeContents(1), mainFrame(PAGE)), 'auth.login', { login: '  admin ', password: 'pw' });
    expect(core.calls[0]?.input).toEqual({ login: '  admin ', password: 'pw' });
  });
});

describe('a call from anywhere else is refused before anything reads it', () => {
  const iin = '880101300123';
  const refused = {
    'a subframe of our own page': subFrame(PAGE),
    'a main frame of another origin': mainFrame('https://evil.example/index.html'),
    'a host that only starts like ours': mainFrame('app://azho.evil/index.html'),
    'a file:// page': mainFrame('file:///opt/azho/resources/app.asar/out/renderer/index.html'),
    'an about:blank frame': mainFrame('about:blank'),
    'a missing senderFrame': null,
  };

  for (const [what, frame] of Object.entries(refused)) {
    it(`from ${what}`, async () => {
      const { core, call, logged } = setUp();
      const result = await call(invokeEvent(new FakeContents(3), frame), 'auth.login', { login: iin, password: iin });

      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
      expect(core.calls).toEqual([]);
      expect(logged).toHaveLength(1);
      expect(logged.join('\n')).not.toContain(iin);
    });
  }

  it('from a frame that is already gone (Electron throws on senderFrame)', async () => {
    const { core, call } = setUp();
    const event: InvokeEvent = {
      sender: new FakeContents(4),
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await call(event, 'app.status', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    expect(core.calls).toEqual([]);
  });
});

describe('a call that does not match the contract never reaches the core', () => {
  it('an unknown name gives UNKNOWN_CALL', async () => {
    const { core, call } = setUp();
    for (const name of ['nope.call', 'toString', '__proto__', 42, undefined]) {
      expect(await call(invokeEvent(new FakeContents(1), mainFrame(PAGE)), name, {})).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CALL' },
      });
    }
    expect(core.calls).toEqual([]);
  });

  it('bad input gives VALIDATION naming the fields', async () => {
    const { core, call } = setUp();
    const result = await call(invokeEvent(new FakeContents(1), mainFrame(PAGE)), 'auth.login', { login: '', extra: 1 });

    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const paths = (result as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['login', 'password']));
    expect(core.calls).toEqual([]);
  });
});

it('a core that throws gives INTERNAL, with no message or stack', async () => {
  const core = new FakeCore(async () => {
    throw new Error('SQLITE_CORRUPT at /home/operator/data/azho.db\n    at Database.prepare');
  });
  const { call, logged } = setUp(core);

  const result = await call(invokeEvent(new FakeContents(1), mainFrame(PAGE)), 'app.status', {});

  expect(result).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  expect(JSON.stringify(result)).not.toMatch(/SQLITE|at |azho\.db/);
  expect(logged.join('\n')).not.toContain('/home/operator');
});

describe('events from the core', () => {
  async function twoWindows() {
    const bridge = setUp();
    const first = new FakeContents(1);
    const second = new FakeContents(2);
    await bridge.call(invokeEvent(first, mainFrame(PAGE)), 'app.status', {});
    await bridge.call(invokeEvent(second, mainFrame(PAGE)), 'app.status', {});
    return { ...bridge, first, second };
  }

  it('reach only the window they are for', async () => {
    const { core, first, second } = await twoWindows();
    core.emit('win-2', { name: 'session.locked', payload: { reason: 'idle' } });

    expect(first.sent).toEqual([]);
    expect(second.sent).toEqual([
      { channel: EVENT_CHANNEL, message: { name: 'session.locked', payload: { reason: 'idle' } } },
    ]);
  });

  it("reach every window when sent to '*'", async () => {
    const { core, first, second } = await twoWindows();
    core.emit('*', { name: 'session.ended', payload: { reason: 'logout' } });
    expect(first.sent).toHaveLength(1);
    expect(second.sent).toHaveLength(1);
  });

  it('for a client the bridge does not know go nowhere', async () => {
    const { core, first, second } = await twoWindows();
    core.emit('win-99', { name: 'session.locked', payload: { reason: 'manual' } });
    expect([...first.sent, ...second.sent]).toEqual([]);
  });

  it('stop, and the core forgets the window, once its web contents are destroyed', async () => {
    const { core, first, second } = await twoWindows();
    first.destroy();
    core.emit('*', { name: 'session.locked', payload: { reason: 'idle' } });

    expect(core.gone).toEqual(['win-1']);
    expect(first.sent).toEqual([]);
    expect(second.sent).toHaveLength(1);
  });
});

it('a window that calls many times is followed once', async () => {
  const { core, call } = setUp();
  const window = new FakeContents(5);
  for (let i = 0; i < 3; i++) await call(invokeEvent(window, mainFrame(PAGE)), 'app.status', {});
  window.destroy();
  expect(core.gone).toEqual(['win-5']);
});

it('disposing removes the handler and the event subscription', () => {
  const { ipcMain, core, dispose } = setUp();
  expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(true);
  expect(core.listenerCount).toBe(1);
  dispose();
  expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
  expect(core.listenerCount).toBe(0);
});

it('trusts the dev server only when it is listed', () => {
  const dev = trustedSenderCheck([APP_ORIGIN, 'http://localhost:5173']);
  const packaged = trustedSenderCheck([APP_ORIGIN]);
  const event = invokeEvent(new FakeContents(1), mainFrame('http://localhost:5173/'));
  expect(dev(event)).toBe(true);
  expect(packaged(event)).toBe(false);
});

describe('a scan\'s bytes from the page', () => {
  it('pass the contract\'s check as a Uint8Array and reach the core as they came', async () => {
    const { core, call } = setUp();
    const content = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xd9]);
    await call(invokeEvent(new FakeContents(2), mainFrame(PAGE)), 'scans.add', { caseId: 3, documentId: 'application', source: 'file', content });
    expect(core.calls).toEqual([{ name: 'scans.add', input: { caseId: 3, documentId: 'application', source: 'file', content }, caller: { clientId: 'win-2' } }]);
  });

  it('are refused when they come as anything but bytes (numbers, base64 text), before the core sees them', async () => {
    const { core, call } = setUp();
    for (const content of [[255, 216, 255], '/9j/4AAQ', { 0: 255, 1: 216 }, null]) {
      const result = await call(invokeEvent(new FakeContents(2), mainFrame(PAGE)), 'scans.add', { caseId: 3, documentId: 'application', source: 'file', content });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'content' }] } });
    }
    expect(core.calls).toEqual([]);
  });
});
