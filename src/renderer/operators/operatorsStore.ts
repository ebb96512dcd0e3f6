/** The administrator's list of accounts at this workstation. */
import { create } from 'zustand';
import type { CallInput } from '../../shared/contract';
import type { Operator } from '../../shared/schemas';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

interface OperatorsState {
  operators: Operator[] | null;
  loading: boolean;
  problem: Problem | null;
  load(): Promise<void>;
  create(input: CallInput<'operators.create'>): Promise<Operator>;
  setDisabled(operatorId: number, disabled: boolean): Promise<Operator>;
  resetPassword(operatorId: number, password: string): Promise<Operator>;
  forget(): void;
}

export const useOperators = create<OperatorsState>()((set, get) => {
  const replace = (operator: Operator) => {
    const list = get().operators ?? [];
    const known = list.some((o) => o.id === operator.id);
    set({ operators: known ? list.map((o) => (o.id === operator.id ? operator : o)) : [...list, operator] });
    return operator;
  };
  return {
    operators: null,
    loading: false,
    problem: null,
    async load() {
      set({ loading: true, problem: null });
      try {
        const { operators } = await invoke('operators.list', {});
        set({ operators, loading: false });
      } catch (error) {
        set({ loading: false, problem: toProblem(error) });
      }
    },
    async create(input) {
      return replace(await invoke('operators.create', input));
    },
    async setDisabled(operatorId, disabled) {
      return replace(await invoke('operators.setDisabled', { operatorId, disabled }));
    },
    async resetPassword(operatorId, password) {
      return replace(await invoke('operators.resetPassword', { operatorId, password }));
    },
    forget() {
      set({ operators: null, loading: false, problem: null });
    },
  };
});

whenSessionCloses(() => useOperators.getState().forget());
