import { afterEach, describe, expect, it } from 'vitest';
import { OPERATOR_PASSWORD, openCounter } from '../../../test/support/counter';
import { makeIin } from '../../../test/support/iins';
import type { TestCore } from '../../../test/support/workstation';

let core: TestCore;
afterEach(() => core?.dispose());

/** Two windows: counter-1 (window 1) and counter-2 (window 2), both serving groups A and B. */
async function openHall() {
  core = await openCounter();
  await core.call('operators.create', { login: 'operator2', fullName: 'Гүлнар Серікқызы Ахметова', iin: makeIin('910303', '4', 55), role: 'operator', password: 'Уақытша-құпия-22' }, 'admin');
  await core.call('auth.login', { login: 'operator2', password: 'Уақытша-құпия-22' }, 'counter-2');
  await core.call('auth.changePassword', { current: 'Уақытша-құпия-22', next: OPERATOR_PASSWORD }, 'counter-2');
  await core.call('queue.setWindow', { window: '1', groups: ['A', 'B'] }, 'counter-1');
  await core.call('queue.setWindow', { window: '2', groups: ['A', 'B'] }, 'counter-2');
}
const issue = (group: string, priority: string | null = null) => core.call('queue.issue', { group, priority }, 'kiosk');

describe('tickets', () => {
  it('are numbered by group and day, restart the next day and are never reused within a day', async () => {
    await openHall();
    expect((await issue('A')).ticket.number).toBe('A-001');
    expect((await issue('A')).ticket.number).toBe('A-002');
    expect((await issue('B', 'elderly')).ticket.number).toBe('B-001');
    core.clock.advance(24 * 3600_000);
    expect((await issue('A')).ticket.number).toBe('A-001');
    const print = await issue('A');
    expect(print).toMatchObject({ ticket: { number: 'A-002', state: 'waiting' }, peopleAhead: 1 });
    expect(print.estimatedWaitMinutes).toBeGreaterThan(0);
  });

  it('refuses a priority category the branch does not use', async () => {
    await openHall();
    expect(await core.fail('queue.issue', { group: 'A', priority: 'vip' }, 'kiosk')).toEqual({ code: 'VALIDATION', issues: [{ path: 'priority', reason: 'queue.priority' }] });
  });
});

describe('call next', () => {
  it('calls priority first, first come within a class, and never more than three priority calls before a waiting regular ticket', async () => {
    await openHall();
    await issue('A'); // A-001 regular
    await issue('A', 'disability');
    await issue('B'); // B-001 regular
    await issue('A', 'pregnant');
    await issue('B', 'elderly'); // B-002
    await issue('A', 'infant');
    await issue('A', 'elderly');
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      const t = await core.call('queue.callNext', {}, 'counter-1');
      order.push(t.number);
      // Nobody came: the window is free for the next call.
      await core.call('queue.noShow', { ticketId: t.id, version: t.version }, 'counter-1');
    }
    expect(order).toEqual(['A-002', 'A-003', 'B-002', 'A-001', 'A-004', 'A-005', 'B-001']);
  });

  it('says the queue is empty, and refuses a second call while the window has someone', async () => {
    await openHall();
    expect(await core.fail('queue.callNext', {}, 'counter-1')).toEqual({ code: 'QUEUE_EMPTY' });
    await issue('A');
    await issue('A');
    await core.call('queue.callNext', {}, 'counter-1');
    expect(await core.fail('queue.callNext', {}, 'counter-1')).toEqual({ code: 'WINDOW_BUSY' });
  });

  it('asks for the window first, and calls nothing while the window is on a break', async () => {
    core = await openCounter();
    expect(await core.fail('queue.callNext', {}, 'counter-1')).toEqual({ code: 'WINDOW_NOT_SET' });
    await core.call('queue.setWindow', { window: '3', groups: ['A'] }, 'counter-1');
    await core.call('queue.pause', {}, 'counter-1');
    await issue('A');
    expect(await core.fail('queue.callNext', {}, 'counter-1')).toEqual({ code: 'WINDOW_PAUSED' });
    await core.call('queue.resume', {}, 'counter-1');
    expect((await core.call('queue.callNext', {}, 'counter-1')).number).toBe('A-001');
  });
});

describe('recall, no-show, transfer', () => {
  it('counts recalls and marks a no-show after the configured number', async () => {
    await openHall();
    await issue('A');
    let t = await core.call('queue.callNext', {}, 'counter-1');
    for (let i = 1; i <= 3; i++) {
      t = await core.call('queue.recall', { ticketId: t.id, version: t.version }, 'counter-1');
      expect(t).toMatchObject({ state: 'called', recalls: i });
    }
    t = await core.call('queue.recall', { ticketId: t.id, version: t.version }, 'counter-1');
    expect(t.state).toBe('noShow');
    expect(core.events.filter((e) => e.event.name === 'queue.called').map((e) => e.event.payload)).toEqual([
      { number: 'A-001', window: '1', recall: false },
      { number: 'A-001', window: '1', recall: true },
      { number: 'A-001', window: '1', recall: true },
      { number: 'A-001', window: '1', recall: true },
    ]);
  });

  it('marks a no-show when nobody comes within the time limit', async () => {
    await openHall();
    await issue('A');
    await core.call('queue.callNext', {}, 'counter-1');
    core.clock.advance(301_000);
    core.ws.sweep();
    // The idle lock also fell on window 1 meanwhile; the operator unlocks and sees the no-show.
    await core.call('auth.unlock', { password: OPERATOR_PASSWORD }, 'counter-1');
    expect((await core.call('queue.overview', {}, 'counter-1')).tickets[0]).toMatchObject({ state: 'noShow' });
  });

  it('transfers a ticket to another group or window, keeping its number and its place in time', async () => {
    await openHall();
    await issue('A');
    await core.call('queue.setWindow', { window: '1', groups: ['A'] }, 'counter-1');
    await core.call('queue.setWindow', { window: '2', groups: ['B'] }, 'counter-2');
    let t = await core.call('queue.callNext', {}, 'counter-1');
    await issue('B'); // B-001, issued after A-001
    t = await core.call('queue.transfer', { ticketId: t.id, version: t.version, toGroup: 'B' }, 'counter-1');
    expect(t).toMatchObject({ number: 'A-001', group: 'B', state: 'waiting', transfers: 1 });
    // Window 2 serves group B: A-001 came first, so it is called before B-001.
    t = await core.call('queue.callNext', {}, 'counter-2');
    expect(t).toMatchObject({ number: 'A-001', window: '2' });
    t = await core.call('queue.transfer', { ticketId: t.id, version: t.version, toWindow: '1' }, 'counter-2');
    expect((await core.call('queue.callNext', {}, 'counter-1')).number).toBe('A-001');
  });
});

describe('service and robustness', () => {
  it('starts service by opening a case linked to the ticket, and finishes', async () => {
    await openHall();
    await issue('A');
    const called = await core.call('queue.callNext', {}, 'counter-1');
    const { ticket, case: opened } = await core.call('queue.startService', { ticketId: called.id, version: called.version, regulationId: 's1-aktobe-285', documentLocale: 'ru' }, 'counter-1');
    expect(ticket).toMatchObject({ state: 'serving', caseId: opened.id });
    expect(opened).toMatchObject({ regulationId: 's1-aktobe-285', step: 'start', documentLocale: 'ru' });
    expect((await core.call('queue.finish', { ticketId: ticket.id, version: ticket.version }, 'counter-1')).state).toBe('done');
  });

  it('refuses to act on a finished ticket, or on one another window has taken', async () => {
    await openHall();
    await issue('A');
    const t = await core.call('queue.callNext', {}, 'counter-1');
    // Window 2 tries to act on window 1's ticket, with the version it saw.
    expect(await core.fail('queue.recall', { ticketId: t.id, version: t.version }, 'counter-2')).toEqual({ code: 'TICKET_CHANGED' });
    expect(await core.fail('queue.callTicket', { ticketId: t.id }, 'counter-2')).toEqual({ code: 'TICKET_CHANGED' });
    const done = await core.call('queue.noShow', { ticketId: t.id, version: t.version }, 'counter-1');
    expect(await core.fail('queue.recall', { ticketId: t.id, version: done.version }, 'counter-1')).toEqual({ code: 'TICKET_CHANGED' });
    // A stale version from the same window is refused too.
    expect(await core.fail('queue.finish', { ticketId: t.id, version: t.version }, 'counter-1')).toEqual({ code: 'TICKET_CHANGED' });
  });

  it('two windows calling at once never get the same ticket', async () => {
    await openHall();
    await issue('A');
    await issue('A');
    const [a, b] = await Promise.all([core.call('queue.callNext', {}, 'counter-1'), core.call('queue.callNext', {}, 'counter-2')]);
    expect(new Set([a.number, b.number])).toEqual(new Set(['A-001', 'A-002']));
  });

  it('keeps every ticket in its state across a restart, and records the open ones as unserved when the day ends', async () => {
    await openHall();
    await issue('A');
    await issue('A');
    await issue('B', 'elderly');
    const t = await core.call('queue.callNext', {}, 'counter-1');
    core.reopen();
    await core.call('auth.login', { login: 'operator1', password: OPERATOR_PASSWORD }, 'counter-1');
    await core.call('queue.setWindow', { window: '1', groups: ['A', 'B'] }, 'counter-1');
    const after = await core.call('queue.overview', {}, 'counter-1');
    expect(after.tickets.map((x) => [x.number, x.state]).sort()).toEqual([['A-001', 'waiting'], ['A-002', 'waiting'], ['B-001', 'called']].sort());
    expect(after.window!.current!.id).toBe(t.id);
    core.clock.advance(24 * 3600_000);
    core.ws.maintain();
    expect((await core.call('queue.overview', {}, 'counter-1')).tickets).toEqual([]);
    await core.call('auth.login', { login: 'admin', password: 'Құпия-сөз-2026' }, 'admin');
    const yesterday = new Date(core.clock.now() - 24 * 3600_000 + 5 * 3600_000).toISOString().slice(0, 10);
    const stats = await core.call('queue.stats', { day: yesterday }, 'admin');
    expect(stats.total).toMatchObject({ issued: 3, unserved: 3 });
  });
});

describe('statistics', () => {
  it('gives wait and service times per group and operator, and a CSV', async () => {
    await openHall();
    await issue('A');
    core.clock.advance(120_000);
    const t = await core.call('queue.callNext', {}, 'counter-1');
    const s = await core.call('queue.startService', { ticketId: t.id, version: t.version, regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
    core.clock.advance(600_000);
    await core.call('queue.finish', { ticketId: s.ticket.id, version: s.ticket.version }, 'counter-1');
    await issue('B');
    await core.call('auth.login', { login: 'admin', password: 'Құпия-сөз-2026' }, 'admin');
    const stats = await core.call('queue.stats', {}, 'admin');
    expect(stats.total).toMatchObject({ issued: 2, served: 1, waitMeanSeconds: 120, serviceMeanSeconds: 600, serviceP90Seconds: 600 });
    expect(stats.byGroup.map((g) => [g.group, g.issued, g.served])).toEqual([['A', 1, 1], ['B', 1, 0]]);
    expect(stats.byOperator).toEqual([expect.objectContaining({ operatorName: 'Нұрлан Әбілұлы Сейітов', served: 1 })]);
    const { csv, filename } = await core.call('queue.exportCsv', {}, 'admin');
    expect(filename).toMatch(/^queue-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('number,group,priority,state,window,operator,issued_at,called_at,service_started_at,finished_at,wait_seconds,service_seconds,recalls,transfers');
    expect(lines[1]).toMatch(/^A-001,A,,done,1,Нұрлан Әбілұлы Сейітов,.*,120,600,0,0$/);
    expect(core.auditActions()).toContain('queue.exported');
  });
});
