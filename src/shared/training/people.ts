/**
 * The training population's named people and powers of attorney: the ones the training data
 * panel lists and the demos use. The in-process gateway (engine tests) and the simulator of the
 * state systems both serve exactly these, so a trainer's script works against either.
 */
import type { WirePerson, WirePowerOfAttorney } from '../smartBridge/services';

/** The people and powers of attorney as the registers answer for them (the wire's own shapes). */
export type TrainingPerson = WirePerson;
export type TrainingPowerOfAttorney = WirePowerOfAttorney;

const idCard = (number: string, issuedAt: string) => ({
  type: 'idCard' as const,
  number,
  issuedAt,
  validUntil: `${Number(issuedAt.slice(0, 4)) + 10}${issuedAt.slice(4)}`,
  issuer: 'ҚР ІІМ',
});

export const TRAINING_PEOPLE: readonly TrainingPerson[] = [
  { iin: '900101300007', surname: 'Сәрсенов', name: 'Ерлан', patronymic: 'Қайратұлы', birthDate: '1990-01-01', sex: 'male', citizenship: 'KZ', address: 'Ақтөбе қ., Әбілқайыр хан даңғылы, 40', identityDocument: idCard('048211573', '2019-04-11'), deceased: false },
  { iin: '850315400035', surname: 'Жұмабаева', name: 'Әйгерім', patronymic: 'Нұрланқызы', birthDate: '1985-03-15', sex: 'female', citizenship: 'KZ', address: 'Ақтөбе қ., Сәңкібай батыр даңғылы, 12', identityDocument: idCard('051377920', '2021-09-02'), deceased: false },
  { iin: '920704300198', surname: 'Оспанов', name: 'Дәулет', patronymic: 'Серікұлы', birthDate: '1992-07-04', sex: 'male', citizenship: 'KZ', address: 'Қарағанды қ., Бұқар жырау даңғылы, 5', identityDocument: idCard('044902118', '2018-02-27'), deceased: false },
  { iin: '780220400013', surname: 'Иванова', name: 'Ольга', patronymic: 'Петровна', birthDate: '1978-02-20', sex: 'female', citizenship: 'KZ', address: 'Екібастұз қ., Машхүр Жүсіп көшесі, 88', identityDocument: idCard('050016634', '2020-11-15'), deceased: false },
  { iin: '640812300106', surname: 'Төлеуов', name: 'Ғабит', patronymic: 'Өмірзақұлы', birthDate: '1964-08-12', sex: 'male', citizenship: 'KZ', address: 'Талдықорған қ., Қабанбай батыр көшесі, 3', identityDocument: idCard('039875402', '2016-06-30'), deceased: true },
];

export const TRAINING_POWERS_OF_ATTORNEY: readonly TrainingPowerOfAttorney[] = [
  { number: 'НҚ-2025-0412', date: '2025-02-10', notary: 'Бекова Ә. С.', principalIin: '850315400035', representativeIin: '900101300007', scope: 'Әлеуметтік төлемдерді ресімдеу және алу', validUntil: '2027-02-10', revoked: false },
  { number: 'НҚ-2024-1180', date: '2024-06-01', notary: 'Ким В. А.', principalIin: '780220400013', representativeIin: '920704300198', scope: 'Мемлекеттік қызметтерді алу', validUntil: '2027-06-01', revoked: true },
];
