/**
 * The gateway port over the ШЭП SmartBridge synchronous channel (SOAP 1.1; the wire is in
 * shared/smartBridge). Every way an exchange can go wrong ends as one of the port's failures:
 * GatewayUnavailable when a repeat of the same message may succeed (the link, the gateway's
 * load, a garbled or hostile answer), GatewayRejected when it will not (the state system said
 * no, the sender is not accepted, the certificate is not trusted, a status code nobody knows).
 *
 *   timeout                              → Unavailable 'timeout'
 *   refused / reset / dropped            → Unavailable 'unreachable'
 *   TLS certificate not trusted          → Rejected 'untrusted' (code TLS)
 *   HTTP 5xx without a SOAP fault        → Unavailable 'httpError' (408/429 too); other HTTP
 *                                          errors → Rejected 'httpError' (code HTTP_nnn)
 *   soap:Server fault                    → Unavailable 'soapFault'
 *   soap:Client (or other) fault         → Rejected 'soapFault' (code soap:<faultcode>)
 *   over maxAnswerBytes, bad XML, DTD, too deep, wrong namespace, wrong payload, another
 *   message's messageId                  → Unavailable 'malformed'
 *   NFND001 on a person or power of attorney look-up → null
 *   NFND001 elsewhere, BDRQ001, AUTH001, USVC001 → Rejected 'rejected' (code = status code)
 *   any other status code                → Rejected 'unknownStatus' (code = status code)
 *   a request XML cannot carry           → Rejected 'malformed' (code REQUEST), nothing sent
 *
 * The log callback hears of every exchange: its messageId, serviceId, failure kind and code,
 * and a phrase of this client's own. Never the password, never what the request or the answer
 * carried (IINs, names), never the gateway's free text; the thrown error's message may quote
 * the gateway's fault string or status message, with anything shaped like an IIN masked.
 */
import { buildRequest, parseAnswer, type Answer } from '../../shared/smartBridge/envelope';
import { SERVICES, decodeAnswer, encodeRequest, type AnswerOf, type RequestOf, type ServiceName } from '../../shared/smartBridge/services';
import { STATUS, isKnownStatus } from '../../shared/smartBridge/status';
import { DEFAULT_XML_LIMITS, MalformedXml } from '../../shared/smartBridge/xml';
import {
  GatewayRejected,
  GatewayUnavailable,
  type GatewayFailure,
  type GatewayPort,
  type MessageMeta,
  type PersonRecord,
  type PowerOfAttorneyQuery,
  type PowerOfAttorneyRecord,
  type Submission,
  type TargetStatus,
} from './port';
import { SoapTransport, TransportFailure } from './soapTransport';

export interface GatewayLogEntry {
  messageId: string;
  serviceId: string;
  /** null when the exchange succeeded (a not-found included). */
  failure: GatewayFailure | null;
  /** The gateway's status or fault code, or TLS / HTTP_nnn. */
  code?: string;
  detail: string;
}

export interface SmartBridgeClientConfig {
  /** https://… ; plain http only to 127.0.0.1, ::1 or localhost. */
  endpoint: string;
  senderId: string;
  password: string;
  /** The CA the gateway's certificate must chain to; the system's CAs when absent. */
  caPem?: string;
  /** For the whole exchange, connection to last byte. */
  timeoutMs: number;
  /** Connections kept to the gateway at most. Default 8. */
  maxSockets?: number;
  /** Default 4 MiB. */
  maxAnswerBytes?: number;
  log?: (entry: GatewayLogEntry) => void;
}

const DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** Codes go into logs and onto screens: only the characters codes are made of, and short. */
const safeCode = (code: string) => code.replace(/[^\w.:-]/g, '?').slice(0, 40);
/** The gateway's own words, for the error message only: bounded, IIN-shaped numbers masked. */
const quoted = (text: string) => text.replace(/\d{12}/g, '••••••••••••').slice(0, 200);

function fail(error: GatewayUnavailable | GatewayRejected, phrase: string): TransportFailure {
  return new TransportFailure(error, phrase);
}

export class SmartBridgeClient implements GatewayPort {
  private readonly transport: SoapTransport;
  private readonly maxAnswerBytes: number;

  constructor(private readonly config: SmartBridgeClientConfig) {
    this.maxAnswerBytes = config.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
    this.transport = new SoapTransport({
      endpoint: config.endpoint,
      ...(config.caPem ? { caPem: config.caPem } : {}),
      timeoutMs: config.timeoutMs,
      maxSockets: config.maxSockets ?? 8,
      maxAnswerBytes: this.maxAnswerBytes,
    });
  }

  async findPerson(iin: string, meta: MessageMeta): Promise<PersonRecord | null> {
    const answer = await this.call('person', { iin }, meta, true);
    return answer ? answer.person : null;
  }

  async findPowerOfAttorney(query: PowerOfAttorneyQuery, meta: MessageMeta): Promise<PowerOfAttorneyRecord | null> {
    const { number, principalIin, representativeIin } = query;
    const answer = await this.call('powerOfAttorney', { number, principalIin, representativeIin }, meta, true);
    return answer ? answer.powerOfAttorney : null;
  }

  async submit(submission: Submission, meta: MessageMeta): Promise<{ registrationNumber: string }> {
    const answer = (await this.call('submit', { submission }, meta, false))!;
    return { registrationNumber: answer.registrationNumber };
  }

  async status(registrationNumber: string, meta: MessageMeta): Promise<TargetStatus> {
    const answer = (await this.call('status', { registrationNumber }, meta, false))!;
    return answer.status;
  }

  /** Closes the kept connections; the client is not used again. */
  close(): void {
    this.transport.close();
  }

  private async call<S extends ServiceName>(service: S, request: RequestOf<S>, meta: MessageMeta, nullWhenNotFound: boolean): Promise<AnswerOf<S> | null> {
    const serviceId = SERVICES[service].serviceId;
    const log = (entry: Omit<GatewayLogEntry, 'messageId' | 'serviceId'>) => this.config.log?.({ messageId: meta.messageId, serviceId, ...entry });
    try {
      const result = await this.exchange(service, request, meta, nullWhenNotFound);
      log({ failure: null, code: result.code, detail: result.answer ? 'answered' : 'not found' });
      return result.answer;
    } catch (err) {
      if (!(err instanceof TransportFailure)) throw err;
      const { error, phrase } = err;
      log({ failure: error.failure, ...(error instanceof GatewayRejected ? { code: error.code } : {}), detail: phrase });
      throw error;
    }
  }

  private async exchange<S extends ServiceName>(service: S, request: RequestOf<S>, meta: MessageMeta, nullWhenNotFound: boolean): Promise<{ code: string; answer: AnswerOf<S> | null }> {
    let xml: string;
    try {
      xml = buildRequest({
        messageId: meta.messageId,
        correlationId: meta.correlationId,
        serviceId: SERVICES[service].serviceId,
        messageDate: new Date().toISOString(),
        senderId: this.config.senderId,
        password: this.config.password,
        data: encodeRequest(service, request),
      });
    } catch {
      const phrase = 'the request holds characters XML cannot carry; nothing was sent';
      throw fail(new GatewayRejected('malformed', 'REQUEST', phrase), phrase);
    }

    const http = await this.transport.post(xml);
    let answer: Answer;
    try {
      answer = parseAnswer(http.body, { ...DEFAULT_XML_LIMITS, maxBytes: this.maxAnswerBytes });
    } catch (err) {
      if (!(err instanceof MalformedXml)) throw err;
      if (http.status !== 200) throw this.httpFailure(http.status);
      const phrase = `the answer is not the protocol (${err.reason})`;
      throw fail(new GatewayUnavailable('malformed', phrase), phrase);
    }

    if (answer.kind === 'fault') {
      const { faultcode, kind, faultstring } = answer.fault;
      const code = safeCode(`soap:${faultcode}`);
      const phrase = `the gateway answered with a SOAP fault (${code})`;
      const message = `${phrase}: ${quoted(faultstring)}`;
      throw fail(kind === 'Server' ? new GatewayUnavailable('soapFault', message) : new GatewayRejected('soapFault', code, message), phrase);
    }
    if (http.status !== 200) throw this.httpFailure(http.status);

    const { response } = answer;
    if (response.messageId !== meta.messageId) {
      const phrase = 'the answer carries another message id';
      throw fail(new GatewayUnavailable('malformed', phrase), phrase);
    }
    const code = safeCode(response.status.code);
    if (response.status.code === STATUS.success) {
      try {
        return { code, answer: decodeAnswer(service, response.data) };
      } catch (err) {
        if (!(err instanceof MalformedXml)) throw err;
        // The schema's message names fields only, never values.
        const phrase = `the answer's data does not fit the service (${err.message})`;
        throw fail(new GatewayUnavailable('malformed', phrase), phrase);
      }
    }
    const message = quoted(response.status.message);
    if (response.status.code === STATUS.notFound && nullWhenNotFound) return { code, answer: null };
    if (isKnownStatus(response.status.code)) {
      const phrase = `the state system refused the request (${code})`;
      throw fail(new GatewayRejected('rejected', code, `${phrase}: ${message}`), phrase);
    }
    const phrase = `the gateway answered with an unknown status (${code})`;
    throw fail(new GatewayRejected('unknownStatus', code, `${phrase}: ${message}`), phrase);
  }

  private httpFailure(status: number): TransportFailure {
    const phrase = `the gateway answered HTTP ${status} without a SOAP fault`;
    const retryable = status >= 500 || status === 408 || status === 429;
    return fail(retryable ? new GatewayUnavailable('httpError', phrase) : new GatewayRejected('httpError', `HTTP_${status}`, phrase), phrase);
  }
}
