import { describe, expect, it } from 'vitest';
import { branchStatus as status } from './testStatus';
import { translate, type MessageKey, type Params } from '../i18n/catalog';
import { branchLabel, branchNeedsWords, branchShown, branchTone, pendingList, problemSentence, refusalOf } from './words';

const t = (locale: 'kk' | 'ru' | 'en') => (key: MessageKey, params?: Params) => translate(locale, key, params);

describe('the branch link in words', () => {
  it('shows nothing on a counter that belongs to no branch', () => {
    expect(branchShown(null)).toBe(false);
    expect(branchShown(status({ state: 'notConfigured', branchName: null }))).toBe(false);
    expect(branchShown(status({ state: 'connecting' }))).toBe(true);
    expect(branchNeedsWords(status({ state: 'notConfigured' }))).toBe(false);
  });

  it('is quiet online, plain to see when cut off, and asks for a person when refused', () => {
    expect(branchTone(status())).toBe('ok');
    expect(branchTone(status({ state: 'connecting' }))).toBe('muted');
    expect(branchTone(status({ state: 'offline' }))).toBe('warn');
    expect(branchTone(status({ state: 'offline', problem: 'NOT_ENROLLED' }))).toBe('danger');
    expect(branchNeedsWords(status())).toBe(false);
    expect(branchNeedsWords(status({ state: 'offline' }))).toBe(true);
    // A call refused for the contract's version leaves the link up: the strip still says what to update.
    expect(branchNeedsWords(status({ problem: 'contract:server' }))).toBe(true);
  });

  it('names the branch online, the state otherwise, and which side to update when refused', () => {
    expect(branchLabel(t('kk'), status())).toBe('Алматы, №3');
    expect(branchLabel(t('en'), status({ branchName: null }))).toBe('online');
    expect(branchLabel(t('ru'), status({ state: 'offline' }))).toBe('нет связи');
    expect(branchLabel(t('en'), status({ state: 'connecting' }))).toBe('connecting…');
    expect(branchLabel(t('en'), status({ state: 'offline', problem: 'contract:workstation' }))).toBe('update this workstation');
    expect(branchLabel(t('ru'), status({ state: 'offline', problem: 'contract:server' }))).toBe('нужно обновить сервер');
    expect(branchLabel(t('kk'), status({ state: 'offline', problem: 'NOT_ENROLLED' }))).toBe('қайта тіркеу керек');
    expect(branchLabel(t('en'), status({ problem: 'WRONG_BRANCH' }))).toBe('refuses this workstation');
  });

  it('reads the status problem as the refusal it stands for', () => {
    expect(refusalOf(null)).toBeNull();
    expect(refusalOf('contract:server')).toEqual({ code: 'CONTRACT_VERSION', update: 'server' });
    expect(refusalOf('contract:workstation')).toEqual({ code: 'CONTRACT_VERSION', update: 'workstation' });
    expect(refusalOf('NOT_ENROLLED')).toEqual({ code: 'NOT_ENROLLED' });
  });

  it('says in full what to do about a refusal, with the code when there is nothing better', () => {
    expect(problemSentence(t('en'), null)).toBeNull();
    expect(problemSentence(t('en'), 'contract:workstation')).toContain('update this workstation');
    expect(problemSentence(t('en'), 'contract:server')).toContain('the branch server must be updated');
    expect(problemSentence(t('en'), 'NOT_ENROLLED')).toContain('enroll it again');
    expect(problemSentence(t('kk'), 'REPLAYED')).toBe('Филиал сервері бұл жұмыс орнын қабылдамайды (код REPLAYED) — әкімшіге хабарлаңыз.');
  });

  it('counts what is still to be sent, and says nothing when all of it reached the branch', () => {
    expect(pendingList(t('kk'), { tickets: 3, cases: 1, audit: 0 })).toBe('3 талон · 1 өтініш');
    expect(pendingList(t('ru'), { tickets: 0, cases: 0, audit: 12 })).toBe('записи журнала — 12');
    expect(pendingList(t('en'), { tickets: 0, cases: 0, audit: 0 })).toBeNull();
  });
});
