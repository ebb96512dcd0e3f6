import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../shared/cases';
import { translate, type MessageKey, type Params } from '../i18n/catalog';
import { availabilitySentences, isHistoricalEntry } from './availability';

const kk = (key: MessageKey, params?: Params) => translate('kk', key, params);
const ru = (key: MessageKey, params?: Params) => translate('ru', key, params);
const text = { kk: 'қызмет', ru: 'услуга', en: 'service' };

const entry = (over: Partial<CatalogEntry>): CatalogEntry => ({
  regulationId: 'x', serviceCode: 'S1', title: text, region: 'aktobe',
  act: { authority: text, number: '1', date: '2016-01-01' }, inForce: { from: '2016-01-01', to: null }, repealedBy: null,
  channels: ['stateCorporation'], availability: 'available', openable: true, ...over,
});

describe('what the operator tells the applicant', () => {
  it('says nothing for a service offered here', () => {
    expect(availabilitySentences(kk, entry({}))).toEqual([]);
  });

  it('sends the applicant to the provider or the portal when the State Corporation does not offer it', () => {
    const e = entry({ availability: 'noStateCorporationChannel', channels: ['provider', 'portal'], openable: false });
    expect(availabilitySentences(kk, e)).toEqual(['Мемлекеттік корпорацияда көрсетілмейді. Өтініш берушіге айтыңыз: қызмет берушіге немесе egov.kz порталы арқылы жүгінсін.']);
    expect(availabilitySentences(ru, e)).toEqual(['Не оказывается в Госкорпорации. Скажите заявителю обратиться к услугодателю или через портал egov.kz.']);
  });

  it('names the repealing act, also for another region’s act, and marks what training opens as history', () => {
    const e = entry({
      region: 'karaganda', availability: 'otherRegion', openable: true,
      inForce: { from: '2017-08-04', to: '2019-06-28' }, repealedBy: { number: '37/02', date: '2019-06-18' },
    });
    const said = availabilitySentences(kk, e);
    expect(said[0]).toBe('Күші жойылған (№ 37/02 қаулы, 2019 жылғы 18 маусым): бұл акт бойынша қызмет көрсетілмейді.');
    expect(said[1]).toContain('Қарағанды облысы');
    expect(isHistoricalEntry(e)).toBe(true);
    expect(isHistoricalEntry(entry({}))).toBe(false);
  });
});
