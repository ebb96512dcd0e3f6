/**
 * One POST of a SOAP message to the gateway and its whole answer, under the limits that keep
 * a broken or hostile gateway from hurting the workstation: one timeout for the entire exchange,
 * a byte limit counted while the answer streams in (the socket is cut the moment it is passed,
 * nothing more is buffered), and TLS verified against the configured CA with no way to turn
 * verification off. Failures come out already sorted into the port's kinds.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { GatewayRejected, GatewayUnavailable } from './port';

/** A failure with the words that may be logged (no server text, no personal data). */
export class TransportFailure extends Error {
  constructor(
    readonly error: GatewayUnavailable | GatewayRejected,
    readonly phrase: string,
  ) {
    super(error.message);
    this.name = 'TransportFailure';
  }
}

export interface TransportConfig {
  endpoint: string;
  caPem?: string;
  timeoutMs: number;
  maxSockets: number;
  maxAnswerBytes: number;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Certificate verification failures as Node reports them: the gateway is not who it should be. */
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'INVALID_CA',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function classify(err: NodeJS.ErrnoException): TransportFailure {
  const code = err.code ?? '';
  if (TLS_CODES.has(code) || code.startsWith('CERT_') || code.startsWith('ERR_TLS_CERT')) {
    const phrase = `the gateway's TLS certificate is not trusted (${code})`;
    return new TransportFailure(new GatewayRejected('untrusted', 'TLS', phrase), phrase);
  }
  const phrase = `the gateway could not be reached (${code || 'connection closed'})`;
  return new TransportFailure(new GatewayUnavailable('unreachable', phrase), phrase);
}

const malformed = (phrase: string) => new TransportFailure(new GatewayUnavailable('malformed', phrase), phrase);

export class SoapTransport {
  private readonly url: URL;
  private readonly agent: HttpAgent | HttpsAgent;
  private readonly send: typeof httpRequest;
  private closed = false;

  constructor(private readonly config: TransportConfig) {
    this.url = new URL(config.endpoint);
    if (this.url.protocol === 'https:') {
      // rejectUnauthorized stays true: a gateway that cannot prove itself is not the gateway.
      this.agent = new HttpsAgent({ keepAlive: true, maxSockets: config.maxSockets, rejectUnauthorized: true, ...(config.caPem ? { ca: config.caPem } : {}) });
      this.send = httpsRequest;
    } else if (this.url.protocol === 'http:') {
      if (!LOOPBACK.test(this.url.hostname)) {
        throw new Error(`the gateway endpoint ${this.url.host} must use https: plain http is allowed only to this machine (127.0.0.1, ::1, localhost)`);
      }
      this.agent = new HttpAgent({ keepAlive: true, maxSockets: config.maxSockets });
      this.send = httpRequest;
    } else {
      throw new Error(`the gateway endpoint must be an https URL, not ${this.url.protocol}`);
    }
  }

  post(body: string): Promise<HttpAnswer> {
    if (this.closed) return Promise.reject(classify(Object.assign(new Error('closed'), { code: 'CLIENT_CLOSED' })));
    const payload = Buffer.from(body, 'utf8');
    const { maxAnswerBytes, timeoutMs } = this.config;
    return new Promise<HttpAnswer>((resolve, reject) => {
      let settled = false;
      const settle = (failure: TransportFailure | null, answer?: HttpAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (failure) {
          // Nothing more is read: the socket goes, and the agent will not reuse it.
          req.destroy();
          reject(failure);
        } else resolve(answer!);
      };
      const timer = setTimeout(() => {
        const phrase = `no whole answer within ${timeoutMs} ms`;
        settle(new TransportFailure(new GatewayUnavailable('timeout', phrase), phrase));
      }, timeoutMs);

      const req = this.send(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'Content-Type': 'text/xml; charset=utf-8',
            SOAPAction: '""',
            'Content-Length': payload.length,
          },
        },
        (res: IncomingMessage) => {
          const declared = Number(res.headers['content-length']);
          if (Number.isFinite(declared) && declared > maxAnswerBytes) {
            return settle(malformed(`the answer declares ${declared} bytes, over the limit of ${maxAnswerBytes}`));
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxAnswerBytes) settle(malformed(`the answer passed the limit of ${maxAnswerBytes} bytes`));
            else chunks.push(chunk);
          });
          res.on('end', () => {
            let text: string;
            try {
              text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
            } catch {
              return settle(malformed('the answer is not UTF-8'));
            }
            settle(null, { status: res.statusCode ?? 0, body: text });
          });
          res.on('error', (err) => settle(classify(err)));
          res.on('close', () => {
            if (!res.complete) settle(classify(Object.assign(new Error('cut'), { code: 'ECONNRESET' })));
          });
        },
      );
      req.on('error', (err) => settle(classify(err)));
      req.end(payload);
    });
  }

  close(): void {
    this.closed = true;
    this.agent.destroy();
  }
}
