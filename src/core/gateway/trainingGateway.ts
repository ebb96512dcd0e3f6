/**
 * A small, fixed population and target systems for training and for the engine's tests, in
 * process. It answers as the real registers would: a person is found or not, a power of
 * attorney matches or not, and the provider refuses a request whose documents are incomplete.
 */
import type { GatewayPort, PersonRecord, PowerOfAttorneyRecord, Submission, TargetStatus } from './port';

export const TRAINING_PEOPLE: readonly PersonRecord[] = [
  { iin: '900101300007', surname: 'Сәрсенов', name: 'Ерлан', patronymic: 'Қайратұлы', birthDate: '1990-01-01', sex: 'male', citizenship: 'KZ', address: 'Ақтөбе қ., Әбілқайыр хан даңғылы, 40', deceased: false },
  { iin: '850315400035', surname: 'Жұмабаева', name: 'Әйгерім', patronymic: 'Нұрланқызы', birthDate: '1985-03-15', sex: 'female', citizenship: 'KZ', address: 'Ақтөбе қ., Сәңкібай батыр даңғылы, 12', deceased: false },
  { iin: '920704300198', surname: 'Оспанов', name: 'Дәулет', patronymic: 'Серікұлы', birthDate: '1992-07-04', sex: 'male', citizenship: 'KZ', address: 'Қарағанды қ., Бұқар жырау даңғылы, 5', deceased: false },
  { iin: '780220400013', surname: 'Иванова', name: 'Ольга', patronymic: 'Петровна', birthDate: '1978-02-20', sex: 'female', citizenship: 'KZ', address: 'Екібастұз қ., Машхүр Жүсіп көшесі, 88', deceased: false },
  { iin: '640812300106', surname: 'Төлеуов', name: 'Ғабит', patronymic: 'Өмірзақұлы', birthDate: '1964-08-12', sex: 'male', citizenship: 'KZ', address: 'Талдықорған қ., Қабанбай батыр көшесі, 3', deceased: true },
];

export const TRAINING_POWERS_OF_ATTORNEY: readonly PowerOfAttorneyRecord[] = [
  { number: 'НҚ-2025-0412', date: '2025-02-10', notary: 'Бекова Ә. С.', principalIin: '850315400035', representativeIin: '900101300007', validUntil: '2027-02-10', revoked: false },
  { number: 'НҚ-2024-1180', date: '2024-06-01', notary: 'Ким В. А.', principalIin: '780220400013', representativeIin: '920704300198', validUntil: '2027-06-01', revoked: true },
];

export class TrainingGateway implements GatewayPort {
  private readonly registered = new Map<string, Submission>();
  private sequence = 0;

  async findPerson(iin: string) {
    return TRAINING_PEOPLE.find((p) => p.iin === iin) ?? null;
  }

  async findPowerOfAttorney(q: { number: string; principalIin: string; representativeIin: string }) {
    return (
      TRAINING_POWERS_OF_ATTORNEY.find(
        (p) => p.number === q.number && p.principalIin === q.principalIin && p.representativeIin === q.representativeIin,
      ) ?? null
    );
  }

  async submit(s: Submission) {
    // The same case submitted again is the same request: the target system answers with the first number.
    for (const [number, earlier] of this.registered) if (earlier.caseNumber === s.caseNumber) return { registrationNumber: number };
    const registrationNumber = `${s.targetSystem === 'eSobes' ? 'ЕС' : 'ЭҮАШ'}-${String(++this.sequence).padStart(6, '0')}`;
    this.registered.set(registrationNumber, s);
    return { registrationNumber };
  }

  async status(registrationNumber: string): Promise<TargetStatus> {
    const s = this.registered.get(registrationNumber);
    if (!s) return { state: 'registered', registrationNumber };
    if (s.missingDocuments.length > 0) {
      const list = (lang: 'kk' | 'ru') => s.missingDocuments.map((d) => d.title[lang]).join('; ');
      return {
        state: 'refused',
        registrationNumber,
        reason: {
          kk: `Стандарттың 9-тармағында көрсетілген құжаттар толық емес: ${list('kk')}`,
          ru: `Неполный пакет документов по пункту 9 Стандарта: ${list('ru')}`,
        },
      };
    }
    return { state: 'resultReady', registrationNumber };
  }
}
