import { describe, expect, it } from 'vitest';
import type { BacklogCase } from '../../shared/cases';
import type { OutboxMessageView } from '../../shared/gateway';
import { translate, type MessageKey, type Params } from '../i18n/catalog';
import { backlogCounts, backlogOrder, failureText, linkDown, linkTone, mayRetry, messageWhen } from './words';

const t = (locale: 'kk' | 'ru' | 'en') => (key: MessageKey, params?: Params) => translate(locale, key, params);

const now = new Date(2026, 10, 23, 10, 0, 0);
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const message = (patch: Partial<OutboxMessageView>): OutboxMessageView => ({
  messageId: '00000000-0000-4000-8000-000000000001',
  kind: 'person',
  state: 'pending',
  attempts: 1,
  nextAttemptAt: null,
  lastFailure: null,
  lastCode: null,
  createdAt: at(-10),
  doneAt: null,
  ...patch,
});

describe('the gateway in words', () => {
  it('says why an attempt failed, with the gateway code when it gave one', () => {
    expect(failureText(t('kk'), 'httpError', '500')).toBe('Шлюз қатемен жауап берді (код 500)');
    expect(failureText(t('ru'), 'soapFault', 'SOAP-ENV:Server')).toBe('Шлюз вернул запрос с ошибкой (SOAP Fault) (код SOAP-ENV:Server)');
    expect(failureText(t('en'), 'timeout', null)).toBe('The gateway did not answer in time');
  });

  it('gives a pending message its next attempt, a done one its answer, a failed one waits for a person', () => {
    expect(messageWhen(t('kk'), message({ nextAttemptAt: at(5) }), now)).toBe('келесі әрекет: 10:05');
    expect(messageWhen(t('en'), message({ nextAttemptAt: at(-1) }), now)).toBe('sending');
    expect(messageWhen(t('en'), message({ nextAttemptAt: null }), now)).toBe('sending');
    expect(messageWhen(t('ru'), message({ state: 'done', doneAt: at(-2) }), now)).toBe('ответ: 09:58');
    expect(messageWhen(t('kk'), message({ state: 'failed', lastFailure: 'rejected' }), now)).toBe('қолмен қайта жіберуді күтеді');
  });

  it('counts what waits and what failed, and says nothing when all is sent', () => {
    expect(backlogCounts(t('kk'), { pending: 3, failed: 1 })).toBe('3 күтуде · 1 жіберілмеді');
    expect(backlogCounts(t('en'), { pending: 0, failed: 2 })).toBe('2 failed');
    expect(backlogCounts(t('ru'), { pending: 0, failed: 0 })).toBeNull();
  });

  it('colours the link and knows when nothing gets through', () => {
    expect(linkTone('online')).toBe('ok');
    expect(linkTone('degraded')).toBe('warn');
    expect(linkTone('offline')).toBe('danger');
    expect(linkTone('notConfigured')).toBe('muted');
    expect([linkDown('offline'), linkDown('notConfigured'), linkDown('degraded'), linkDown(undefined)]).toEqual([true, true, false, false]);
  });

  it('offers to send again whatever is not yet answered', () => {
    expect([mayRetry({ state: 'pending' }), mayRetry({ state: 'failed' }), mayRetry({ state: 'done' })]).toEqual([true, true, false]);
  });

  it('lists cases with a stopped message first, then the longest waiting', () => {
    const item = (caseNumber: string, messages: OutboxMessageView[]): BacklogCase => ({
      caseId: Number(caseNumber.slice(-1)),
      caseNumber,
      regulationId: 'r',
      serviceTitle: { kk: 'қызмет', ru: 'услуга', en: 'service' },
      status: 'inProgress',
      step: 'p3',
      messages,
    });
    const order = backlogOrder([
      item('C-1', [message({ createdAt: at(-5) })]),
      item('C-2', [message({ createdAt: at(-30) })]),
      item('C-3', [message({ createdAt: at(-1), state: 'failed' })]),
    ]).map((c) => c.caseNumber);
    expect(order).toEqual(['C-3', 'C-2', 'C-1']);
  });
});
