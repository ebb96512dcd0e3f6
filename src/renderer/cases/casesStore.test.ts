import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseView, PrintedDocument } from '../../shared/cases';
import type { Bridge } from '../../shared/contract';

const bridge = { invoke: vi.fn<Bridge['invoke']>(), on: () => () => {} };
const answer = (value: unknown) => ({ ok: true, value });
const view = (id: number, version: number) => ({ id, version, regulationId: 'r', step: 'p3', outbox: [], documents: [] }) as unknown as CaseView;
const doc = (kind: 'receipt', pending: boolean) => ({ kind, pending }) as unknown as PrintedDocument;
const calls = (name: string) => bridge.invoke.mock.calls.filter(([n]) => n === name);

beforeAll(() => {
  (globalThis as unknown as { window: { azho: Bridge } }).window = { azho: bridge };
});

const { useCases } = await import('./casesStore');

beforeEach(() => {
  bridge.invoke.mockReset();
  useCases.getState().forget();
  useCases.setState({ screen: { kind: 'list' } });
});

describe('a case that moved without the operator', () => {
  it('is read again while on screen', async () => {
    bridge.invoke.mockResolvedValue(answer(view(7, 4)));
    useCases.setState({ screen: { kind: 'case', caseId: 7 }, current: view(7, 3) });
    useCases.getState().caseChanged(7);
    await vi.waitFor(() => expect(useCases.getState().current?.version).toBe(4));
    expect(calls('cases.get')).toEqual([['cases.get', { caseId: 7 }]]);
  });

  it('keeps a newer picture an action already brought', async () => {
    bridge.invoke.mockResolvedValue(answer(view(7, 2)));
    useCases.setState({ screen: { kind: 'case', caseId: 7 }, current: view(7, 3) });
    await useCases.getState().reloadCase();
    expect(useCases.getState().current?.version).toBe(3);
  });

  it('off screen, is dropped from memory so that opening it reads it afresh', () => {
    useCases.setState({ current: view(7, 3), documents: { '7:receipt': doc('receipt', true), '17:receipt': doc('receipt', true) } });
    useCases.getState().caseChanged(7);
    expect(useCases.getState().current).toBeNull();
    expect(Object.keys(useCases.getState().documents)).toEqual(['17:receipt']);
    expect(bridge.invoke).not.toHaveBeenCalled();
  });

  it('has its document on screen read again, the old one shown meanwhile', async () => {
    bridge.invoke.mockImplementation(async (name) => answer(name === 'cases.document' ? doc('receipt', false) : view(7, 5)));
    useCases.setState({ screen: { kind: 'document', caseId: 7, document: 'receipt' }, current: view(7, 4), documents: { '7:receipt': doc('receipt', true) } });
    useCases.getState().caseChanged(7);
    expect(useCases.getState().documents['7:receipt']?.pending).toBe(true);
    await vi.waitFor(() => expect(useCases.getState().documents['7:receipt']?.pending).toBe(false));
  });

  it('refreshes the lists that are loaded, and only those', async () => {
    bridge.invoke.mockImplementation(async () => answer({ cases: [] }));
    useCases.setState({ today: [], toIssue: null });
    useCases.getState().caseChanged(9);
    await vi.waitFor(() => expect(calls('cases.list')).toHaveLength(1));
    expect(calls('cases.toIssue')).toHaveLength(0);
  });
});
