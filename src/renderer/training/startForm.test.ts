import { describe, expect, it } from 'vitest';
import { trainingInputs } from '../../shared/training/scenario';
import { checkStart, startInput } from './startForm';

describe("the trainer's start form", () => {
  it('asks for the login, and for it to be an account login', () => {
    expect(checkStart({ trainee: '  ', window: '' })).toEqual({ trainee: 'reason.required' });
    expect(checkStart({ trainee: 'ab', window: '' })).toEqual({ trainee: 'reason.tooShort' });
    expect(checkStart({ trainee: 'сәуле', window: '' })).toEqual({ trainee: 'reason.login.charset' });
    expect(checkStart({ trainee: 'x'.repeat(65), window: '' })).toEqual({ trainee: 'reason.tooLong' });
    expect(checkStart({ trainee: 'aliya.n', window: '' })).toEqual({});
  });

  it('takes a window only in the form the queue numbers windows', () => {
    expect(checkStart({ trainee: 'aliya.n', window: '12345' })).toEqual({ window: 'training.start.windowInvalid' });
    expect(checkStart({ trainee: 'aliya.n', window: '7!' })).toEqual({ window: 'training.start.windowInvalid' });
    expect(checkStart({ trainee: 'aliya.n', window: 'Ә7' })).toEqual({});
  });

  it('sends what the contract accepts: the login in lower case, no window when none is given', () => {
    const without = startInput('plain-case', { trainee: ' Aliya.N ', window: ' ' });
    expect(without).toEqual({ scenarioId: 'plain-case', trainee: 'aliya.n' });
    expect(trainingInputs.start.safeParse(without).success).toBe(true);
    const withWindow = startInput('plain-case', { trainee: 'aliya.n', window: '07' });
    expect(withWindow).toEqual({ scenarioId: 'plain-case', trainee: 'aliya.n', window: '07' });
    expect(trainingInputs.start.safeParse(withWindow).success).toBe(true);
  });
});
