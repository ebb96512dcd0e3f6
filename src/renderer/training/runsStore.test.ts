import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/contract';

const bridge = { invoke: vi.fn<Bridge['invoke']>(), on: () => () => {} };
const answer = (value: unknown) => ({ ok: true, value });
const run = (id: number, startedAt: string) => ({ id, startedAt, state: 'inProgress', caseId: null });
const calls = (name: string) => bridge.invoke.mock.calls.filter(([n]) => n === name).length;

beforeAll(() => {
  (globalThis as unknown as { window: { azho: Bridge } }).window = { azho: bridge };
});

const { useTrainingRuns } = await import('./runsStore');

beforeEach(() => {
  bridge.invoke.mockReset();
  useTrainingRuns.setState({ runs: null, scenarios: null, problem: null, reset: null });
});

describe("the trainer's runs", () => {
  it('read once more, not once per event, when runs move during a read', async () => {
    let release: () => void = () => {};
    bridge.invoke.mockImplementationOnce(() => new Promise((done) => (release = () => done(answer({ runs: [run(1, '2026-03-02T09:00:00Z')] })))));
    bridge.invoke.mockResolvedValue(answer({ runs: [run(1, '2026-03-02T09:00:00Z'), run(2, '2026-03-02T09:05:00Z')] }));
    const first = useTrainingRuns.getState().refresh();
    // Three steps done while the first read is under way.
    void useTrainingRuns.getState().refresh();
    void useTrainingRuns.getState().refresh();
    void useTrainingRuns.getState().refresh();
    release();
    await first;
    expect(calls('training.runs')).toBe(2);
    // The newest run first: the one the trainer just started.
    expect(useTrainingRuns.getState().runs?.map((r) => r.id)).toEqual([2, 1]);
  });

  it('show a run the moment it is started, and a stopped one as the core returns it', async () => {
    useTrainingRuns.setState({ runs: [run(1, '2026-03-02T09:00:00Z')] as never });
    bridge.invoke.mockResolvedValueOnce(answer(run(2, '2026-03-02T09:10:00Z')));
    await useTrainingRuns.getState().start({ scenarioId: 'plain-case', trainee: 'aliya.n' });
    expect(useTrainingRuns.getState().runs?.map((r) => r.id)).toEqual([2, 1]);
    bridge.invoke.mockResolvedValueOnce(answer({ ...run(2, '2026-03-02T09:10:00Z'), state: 'stopped' }));
    await useTrainingRuns.getState().stop(2);
    expect(useTrainingRuns.getState().runs?.map((r) => [r.id, r.state])).toEqual([
      [2, 'stopped'],
      [1, 'inProgress'],
    ]);
  });

  it('after a reset, say what was cleared and read the runs again', async () => {
    useTrainingRuns.setState({ runs: [run(1, '2026-03-02T09:00:00Z')] as never });
    bridge.invoke.mockResolvedValueOnce(answer({ cases: 3, tickets: 5 })).mockResolvedValueOnce(answer({ runs: [] }));
    await useTrainingRuns.getState().resetData();
    expect(useTrainingRuns.getState().reset).toEqual({ cases: 3, tickets: 5 });
    expect(useTrainingRuns.getState().runs).toEqual([]);
    expect(bridge.invoke.mock.calls.map(([name]) => name)).toEqual(['training.reset', 'training.runs']);
  });
});
