/**
 * Who may talk to the web host: a browser that opened a one-time URL. The token is exchanged for
 * a random session id kept in an HttpOnly, SameSite=Strict cookie; the core only ever sees a
 * client id derived from it, so the cookie never leaves this file.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const COOKIE = 'azho_sid';
const TOKEN_TTL_MS = 10 * 60_000;
const IDLE_SESSION_MS = 24 * 60 * 60_000;

interface BrowserSession {
  clientId: string;
  lastSeen: number;
}

export class BrowserSessions {
  private readonly tokens = new Map<string, number>();
  private readonly sessions = new Map<string, BrowserSession>();

  /** A token for the printed URL: good once, for ten minutes. */
  issueToken(now = Date.now()): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, now + TOKEN_TTL_MS);
    return token;
  }

  /** Spends a token; returns the new session id for the cookie, or null. */
  redeem(token: string, now = Date.now()): string | null {
    let found: string | undefined;
    for (const candidate of this.tokens.keys()) {
      const a = Buffer.from(candidate);
      const b = Buffer.from(token);
      if (a.length === b.length && timingSafeEqual(a, b)) found = candidate;
    }
    if (!found) return null;
    const expires = this.tokens.get(found)!;
    this.tokens.delete(found);
    if (expires < now) return null;
    const sid = randomBytes(32).toString('base64url');
    const clientId = 'web-' + createHash('sha256').update(sid).digest('hex').slice(0, 24);
    this.sessions.set(sid, { clientId, lastSeen: now });
    return sid;
  }

  clientOf(sid: string | undefined, now = Date.now()): string | null {
    const session = sid ? this.sessions.get(sid) : undefined;
    if (!session) return null;
    session.lastSeen = now;
    return session.clientId;
  }

  /** Browser sessions unused for a day are dropped; returns their client ids for the core to forget. */
  expire(now = Date.now()): string[] {
    const gone: string[] = [];
    for (const [sid, s] of this.sessions) {
      if (now - s.lastSeen > IDLE_SESSION_MS) {
        this.sessions.delete(sid);
        gone.push(s.clientId);
      }
    }
    for (const [token, expires] of this.tokens) if (expires < now) this.tokens.delete(token);
    return gone;
  }
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
