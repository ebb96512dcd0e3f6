/**
 * The gateway's side of one SendMessage, without the network: check the sender, recognise a
 * repeated messageId, run the service, and remember the answer. A repeated messageId (from the
 * same sender) gets the first answer byte for byte and changes nothing — the outbox relies on
 * that to repeat safely after a lost answer. A wrong sender id or password is answered with
 * AUTH001 in a normal response and is neither applied nor remembered, so the same message sent
 * again with the right credentials goes through.
 */
import { buildFault, buildResponse, parseRequest, type DataNode, type RequestEnvelope } from '../shared/smartBridge/envelope';
import { decodeRequest, encodeAnswer, serviceById, type ServiceName } from '../shared/smartBridge/services';
import { STATUS, type StatusCode } from '../shared/smartBridge/status';
import { MalformedXml } from '../shared/smartBridge/xml';
import type { Population } from './population';
import type { TargetSystems } from './targetSystems';

export interface Exchange {
  httpStatus: number;
  body: Buffer;
  /** The messageId had been answered before; nothing was applied this time. */
  repeat: boolean;
}

/** What happened, for the crash tests: every request applied exactly once. */
export interface SimulatorStats {
  /** SOAP requests that reached the simulator, repeats and refused ones included. */
  received: number;
  /** Distinct messageIds each service ran, by serviceId. */
  applied: Record<string, number>;
  /** Requests whose messageId had been answered before. */
  repeats: number;
  /** Per case number, how many distinct submissions registered it (1 is right). */
  submissionsByCase: Record<string, number>;
  /** Requests answered (or not) by an injected fault instead of the service's answer. */
  faulted: number;
  /** Answers whose connection closed before the whole answer was written. */
  answersCutShort: number;
}

export function emptyStats(): SimulatorStats {
  // Keyed by what clients send (case numbers): no prototype to trip over.
  return { received: 0, applied: Object.create(null), repeats: 0, submissionsByCase: Object.create(null), faulted: 0, answersCutShort: 0 };
}

const MESSAGES: Record<StatusCode, string> = {
  SCSS001: 'Сәтті орындалды / Выполнено',
  NFND001: 'Жазба табылмады / Запись не найдена',
  BDRQ001: 'Сұрау деректері қызметке сәйкес емес / Данные запроса не соответствуют сервису',
  AUTH001: 'Жіберуші танылмады / Отправитель не опознан',
  USVC001: 'Мұндай сервис жоқ / Сервис не найден',
};

export class StateSystems {
  /** sender + messageId → the first answer. */
  private readonly answered = new Map<string, Buffer>();

  constructor(
    private readonly d: {
      population: Population;
      targets: TargetSystems;
      senderId: string;
      password: string;
      stats: SimulatorStats;
    },
  ) {}

  /** Answers one request body. Never throws on what the client sent. */
  exchange(body: string): Exchange {
    let request: RequestEnvelope;
    try {
      request = parseRequest(body);
    } catch (err) {
      if (!(err instanceof MalformedXml)) throw err;
      return { httpStatus: 500, body: Buffer.from(buildFault('Client', `malformed request (${err.reason})`)), repeat: false };
    }
    if (request.senderId !== this.d.senderId || request.password !== this.d.password) {
      return { httpStatus: 200, body: this.response(request, STATUS.authentication, []), repeat: false };
    }
    const key = `${request.senderId}\u0000${request.messageId}`;
    const first = this.answered.get(key);
    if (first) {
      this.d.stats.repeats++;
      return { httpStatus: 200, body: first, repeat: true };
    }
    const { code, data } = this.run(request);
    const answer = this.response(request, code, data);
    this.answered.set(key, answer);
    return { httpStatus: 200, body: answer, repeat: false };
  }

  private response(request: RequestEnvelope, code: StatusCode, data: DataNode[]): Buffer {
    return Buffer.from(
      buildResponse({ messageId: request.messageId, responseDate: new Date().toISOString(), status: { code, message: MESSAGES[code] }, data }),
    );
  }

  private run(request: RequestEnvelope): { code: StatusCode; data: DataNode[] } {
    const service = serviceById(request.serviceId);
    if (!service) return { code: STATUS.unknownService, data: [] };
    let result: { code: StatusCode; data: DataNode[] };
    try {
      result = this.serve(service, request.data);
    } catch (err) {
      if (err instanceof MalformedXml) return { code: STATUS.badRequestData, data: [] };
      throw err;
    }
    this.d.stats.applied[request.serviceId] = (this.d.stats.applied[request.serviceId] ?? 0) + 1;
    return result;
  }

  private serve(service: ServiceName, data: DataNode[]): { code: StatusCode; data: DataNode[] } {
    const notFound = { code: STATUS.notFound, data: [] };
    const ok = (d: DataNode[]) => ({ code: STATUS.success, data: d });
    switch (service) {
      case 'person': {
        const person = this.d.population.findPerson(decodeRequest('person', data).iin);
        return person ? ok(encodeAnswer('person', { person })) : notFound;
      }
      case 'powerOfAttorney': {
        const powerOfAttorney = this.d.population.findPowerOfAttorney(decodeRequest('powerOfAttorney', data));
        return powerOfAttorney ? ok(encodeAnswer('powerOfAttorney', { powerOfAttorney })) : notFound;
      }
      case 'submit': {
        const { submission } = decodeRequest('submit', data);
        const registrationNumber = this.d.targets.register(submission);
        const byCase = this.d.stats.submissionsByCase;
        byCase[submission.caseNumber] = (byCase[submission.caseNumber] ?? 0) + 1;
        return ok(encodeAnswer('submit', { registrationNumber }));
      }
      case 'status': {
        const status = this.d.targets.status(decodeRequest('status', data).registrationNumber);
        return status ? ok(encodeAnswer('status', { status })) : notFound;
      }
    }
  }
}
