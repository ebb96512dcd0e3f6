/**
 * How the simulated target systems decide a registered request, by the Standard's rule: a
 * complete set of documents gets the result document; a set with documents missing gets a
 * refusal naming them (Standard, item 9), in Kazakh and Russian. The simulator and the
 * in-process training gateway decide alike.
 */
export interface Decidable {
  missingDocuments: { title: { kk: string; ru: string } }[];
}

export type Decision =
  | { state: 'refused'; registrationNumber: string; reason: { kk: string; ru: string } }
  | { state: 'resultReady'; registrationNumber: string; result: { number: string; issuedAt: string; title: { kk: string; ru: string } } };

export function decide(submission: Decidable, registrationNumber: string, decidedAt: number): Decision {
  const missing = submission.missingDocuments;
  if (missing.length > 0) {
    const list = (lang: 'kk' | 'ru') => missing.map((d) => d.title[lang]).join('; ');
    return {
      state: 'refused',
      registrationNumber,
      reason: {
        kk: `Стандарттың 9-тармағында көрсетілген құжаттар толық емес: ${list('kk')}`,
        ru: `Неполный пакет документов по пункту 9 Стандарта: ${list('ru')}`,
      },
    };
  }
  return {
    state: 'resultReady',
    registrationNumber,
    result: {
      number: `Ш-${registrationNumber}`,
      issuedAt: new Date(decidedAt).toISOString().slice(0, 10),
      title: { kk: 'Мемлекеттік қызмет көрсету нәтижесі', ru: 'Результат оказания государственной услуги' },
    },
  };
}
