/**
 * The people in ЖТ МДҚ and the powers of attorney in БНАЖ, as the simulator serves them: a
 * synthetic population drawn from a seeded generator (the same seed, the same people, whatever
 * the date or the machine), plus exactly the training people and powers of attorney the
 * training data panel lists. Every IIN carries a valid check digit and encodes the person's
 * birth date and sex; about 2% are deceased, about 5% have given a power of attorney, and about
 * one in ten of those is revoked. Nothing here is a real person.
 */
import { iinCheckDigit } from '../shared/iin';
import type { WirePerson, WirePowerOfAttorney, WirePowerOfAttorneyQuery } from '../shared/smartBridge/services';
import { TRAINING_PEOPLE, TRAINING_POWERS_OF_ATTORNEY } from '../shared/training/people';
import { seededRandom, type Random } from './random';

const KK_MALE = ['Ерлан', 'Дәулет', 'Нұрлан', 'Ғалым', 'Қайрат', 'Әлібек', 'Бауыржан', 'Серік', 'Асқар', 'Ержан', 'Мұхтар', 'Талғат', 'Жәнібек', 'Болат', 'Айдос', 'Арман', 'Қанат', 'Өмірзақ', 'Ұлан', 'Үмбет'];
const KK_FEMALE = ['Әйгерім', 'Гүлнар', 'Айгүл', 'Жанар', 'Сәуле', 'Дана', 'Ақмарал', 'Мөлдір', 'Нұргүл', 'Аружан', 'Әсем', 'Жұлдыз', 'Қарлығаш', 'Іңкәр', 'Балжан', 'Ұлжан', 'Салтанат', 'Айым', 'Гүлжан', 'Динара'];
const KK_SURNAMES = ['Сәрсенов', 'Жұмабаев', 'Оспанов', 'Төлеуов', 'Қасымов', 'Ахметов', 'Әбілов', 'Нұрланов', 'Сейітов', 'Бекмұхамбетов', 'Ғабдуллин', 'Өмірбеков', 'Ұзақов', 'Үсенов', 'Шаһмаранов', 'Ізбасаров', 'Қуанышев', 'Жақыпов', 'Мұратов', 'Есенов'];
const RU_MALE = ['Александр', 'Сергей', 'Андрей', 'Дмитрий', 'Владимир', 'Николай', 'Алексей', 'Игорь', 'Виктор', 'Павел'];
const RU_FEMALE = ['Ольга', 'Елена', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Анна', 'Марина', 'Галина', 'Людмила'];
const RU_SURNAMES = ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров'];
/** Russian patronymics by the father's name: [son's, daughter's]. */
const RU_PATRONYMICS: readonly [string, string][] = [
  ['Александрович', 'Александровна'], ['Сергеевич', 'Сергеевна'], ['Андреевич', 'Андреевна'], ['Дмитриевич', 'Дмитриевна'], ['Владимирович', 'Владимировна'],
  ['Николаевич', 'Николаевна'], ['Алексеевич', 'Алексеевна'], ['Игоревич', 'Игоревна'], ['Викторович', 'Викторовна'], ['Павлович', 'Павловна'],
];
const CITIES = ['Астана қ.', 'Алматы қ.', 'Шымкент қ.', 'Ақтөбе қ.', 'Қарағанды қ.', 'Өскемен қ.', 'Павлодар қ.', 'Қызылорда қ.', 'Орал қ.', 'Түркістан қ.'];
const STREETS = ['Абай даңғылы', 'Әл-Фараби даңғылы', 'Тәуелсіздік көшесі', 'Қабанбай батыр көшесі', 'Сәтбаев көшесі', 'Жаһанша Досмұхамедұлы көшесі', 'Бұқар жырау даңғылы', 'Құрманғазы көшесі', 'Төле би көшесі', 'Мәңгілік Ел даңғылы'];
const FOREIGN = ['RU', 'UZ', 'KG', 'CN', 'TR'];
const NOTARIES = ['Бекова Ә. С.', 'Ким В. А.', 'Нұрпейісов Қ. Б.', 'Сейітжанова Г. Ж.', 'Орлова Н. И.', 'Өтебаев Ғ. Т.'];
const SCOPES = ['Әлеуметтік төлемдерді ресімдеу және алу', 'Мемлекеттік қызметтерді алу', 'Зейнетақы төлемдерін ресімдеу', 'Жәрдемақы алу үшін құжаттарды тапсыру және алу'];

/** The generated population is the same whatever today is: ages are counted to this date. */
const REFERENCE = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
const digits = (random: Random, n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');

export interface PopulationOptions {
  /** Generated people besides the training ones. */
  size?: number;
  seed?: string | number;
}

export interface Population {
  findPerson(iin: string): WirePerson | null;
  /** A power of attorney matches only when its number and both IINs match. */
  findPowerOfAttorney(query: WirePowerOfAttorneyQuery): WirePowerOfAttorney | null;
  people(): IterableIterator<WirePerson>;
  powersOfAttorney(): IterableIterator<WirePowerOfAttorney>;
}

function newIin(random: Random, birthMs: number, sex: 'male' | 'female', taken: Set<string>): string {
  const date = iso(birthMs);
  const century = Number(date.slice(0, 4)) >= 2000 ? (sex === 'male' ? 5 : 6) : sex === 'male' ? 3 : 4;
  const stem = `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}${century}`;
  for (;;) {
    const first11 = stem + digits(random, 4);
    const check = iinCheckDigit(first11);
    if (check === null) continue;
    const iin = first11 + check;
    if (!taken.has(iin)) return iin;
  }
}

function identityDocument(random: Random, birthMs: number, citizenship: string): WirePerson['identityDocument'] {
  if (random.chance(0.01)) return null;
  const birthDate = iso(birthMs);
  if (birthMs > REFERENCE - 16 * 365.25 * DAY) {
    return { type: 'birthCertificate', number: `I-ТК ${digits(random, 7)}`, issuedAt: iso(birthMs + random.int(1, 30) * DAY), validUntil: null, issuer: 'АХАЖ органы' };
  }
  const from = Math.max(Date.parse(addYears(birthDate, 16)), Date.UTC(2015, 0, 1));
  const issuedAt = iso(from + Math.floor(random.next() * Math.max(DAY, REFERENCE - from)));
  if (citizenship !== 'KZ') return { type: 'residencePermit', number: digits(random, 9), issuedAt, validUntil: addYears(issuedAt, 10), issuer: 'ҚР ІІМ КҚД' };
  if (random.chance(0.1)) return { type: 'passport', number: `N${digits(random, 8)}`, issuedAt, validUntil: addYears(issuedAt, 10), issuer: 'ҚР ІІМ' };
  return { type: 'idCard', number: `0${digits(random, 8)}`, issuedAt, validUntil: addYears(issuedAt, 10), issuer: 'ҚР ІІМ' };
}

function person(random: Random, taken: Set<string>): WirePerson {
  const sex = random.chance(0.5) ? 'male' : 'female';
  const birthMs = Date.UTC(1935, 0, 1) + random.int(0, Math.floor((Date.UTC(2024, 11, 31) - Date.UTC(1935, 0, 1)) / DAY)) * DAY;
  const kazakh = random.chance(0.7);
  let surname: string, name: string, patronymic: string | null;
  if (kazakh) {
    surname = random.pick(KK_SURNAMES) + (sex === 'female' ? 'а' : '');
    name = random.pick(sex === 'male' ? KK_MALE : KK_FEMALE);
    patronymic = random.pick(KK_MALE) + (sex === 'male' ? 'ұлы' : 'қызы');
  } else {
    surname = random.pick(RU_SURNAMES) + (sex === 'female' ? 'а' : '');
    name = random.pick(sex === 'male' ? RU_MALE : RU_FEMALE);
    patronymic = random.pick(RU_PATRONYMICS)[sex === 'male' ? 0 : 1];
  }
  if (random.chance(0.05)) patronymic = null;
  const citizenship = random.chance(0.96) ? 'KZ' : random.pick(FOREIGN);
  const flat = random.chance(0.6) ? `, ${random.int(1, 240)}-пәтер` : '';
  const iin = newIin(random, birthMs, sex, taken);
  taken.add(iin);
  return {
    iin,
    surname,
    name,
    patronymic,
    birthDate: iso(birthMs),
    sex,
    citizenship,
    address: `${random.pick(CITIES)}, ${random.pick(STREETS)}, ${random.int(1, 180)}${flat}`,
    identityDocument: identityDocument(random, birthMs, citizenship),
    deceased: random.chance(0.02),
  };
}

const poaKey = (q: WirePowerOfAttorneyQuery) => `${q.number}\u0000${q.principalIin}\u0000${q.representativeIin}`;

export function createPopulation(options: PopulationOptions = {}): Population {
  const random = seededRandom(options.seed ?? 'azho');
  const byIin = new Map<string, WirePerson>();
  const powers = new Map<string, WirePowerOfAttorney>();
  const taken = new Set<string>(TRAINING_PEOPLE.map((p) => p.iin));

  const generated: WirePerson[] = [];
  for (let i = 0; i < (options.size ?? 10_000); i++) generated.push(person(random, taken));
  for (const p of generated) byIin.set(p.iin, p);
  for (const p of TRAINING_PEOPLE) byIin.set(p.iin, { ...p, identityDocument: p.identityDocument && { ...p.identityDocument } });

  // Powers of attorney between living adults; numbers of five digits never meet the training
  // ones (four digits).
  const adults = generated.filter((p) => !p.deceased && p.birthDate < '2007-01-01');
  let serial = 0;
  for (const principal of adults) {
    if (!random.chance(0.05) || adults.length < 2) continue;
    let representative = random.pick(adults);
    while (representative === principal) representative = random.pick(adults);
    const date = iso(Date.UTC(2022, 0, 1) + random.int(0, 3 * 365) * DAY);
    const poa: WirePowerOfAttorney = {
      number: `НҚ-${date.slice(0, 4)}-${String(++serial).padStart(5, '0')}`,
      date,
      notary: random.pick(NOTARIES),
      principalIin: principal.iin,
      representativeIin: representative.iin,
      scope: random.pick(SCOPES),
      validUntil: addYears(date, random.int(1, 3)),
      revoked: random.chance(0.1),
    };
    powers.set(poaKey(poa), poa);
  }
  for (const p of TRAINING_POWERS_OF_ATTORNEY) powers.set(poaKey(p), { ...p });

  return {
    findPerson: (iin) => byIin.get(iin) ?? null,
    findPowerOfAttorney: (q) => powers.get(poaKey(q)) ?? null,
    people: () => byIin.values(),
    powersOfAttorney: () => powers.values(),
  };
}
