/** The link to the e-government gateway: its state, the outbox's backlog, retries, settings. */
import { AppError } from '../../shared/errors';
import type { GatewayStatus } from '../../shared/gateway';
import type { CaseReader } from '../cases/caseReader';
import type { FieldCipher } from '../crypto/fieldCipher';
import type { GatewayLink } from '../gateway/gatewayLink';
import type { OutboxSender } from '../outbox/sender';
import type { OutboxStore } from '../outbox/outboxStore';
import type { Catalog } from '../regulations/catalog';
import type { Services } from '../services';
import { GATEWAY_PASSWORD_COLUMN } from '../settings/gatewaySettings';
import type { HandlerGroup } from './types';

type Calls = 'gateway.status' | 'gateway.backlog' | 'gateway.retry' | 'gateway.settings' | 'gateway.updateSettings' | 'training.gatewayFault';

export interface GatewayHandlerDeps {
  outbox: OutboxStore;
  sender: OutboxSender;
  link: GatewayLink;
  cases: CaseReader;
  catalog: Catalog;
  cipher: FieldCipher;
}

/** The link and the backlog in one view: what the header shows and the `gateway.changed` event carries. */
export function gatewayStatus(d: Pick<GatewayHandlerDeps, 'outbox' | 'sender' | 'link'>): GatewayStatus {
  const { state, sinceMs, lastFailure } = d.sender.link.current;
  return { link: state, since: new Date(sinceMs).toISOString(), lastFailure, ...d.outbox.counts(), simulator: d.link.simulatorControl !== null };
}

export function gatewayHandlers(s: Services, d: GatewayHandlerDeps): HandlerGroup<Calls> {
  const settingsView = () => {
    const g = s.settings.gateway();
    return {
      endpoint: g.endpoint,
      senderId: g.senderId,
      passwordSet: g.passwordSealed !== null,
      caPem: g.caPem,
      timeoutSeconds: g.timeoutSeconds,
      pollIntervalSeconds: g.pollIntervalSeconds,
    };
  };

  return {
    'gateway.status': () => gatewayStatus(d),

    'gateway.backlog': () => {
      const byCase = d.outbox.openByCase(2000);
      return {
        cases: [...byCase].flatMap(([caseId, messages]) => {
          const c = d.cases.get(caseId);
          if (!c) return [];
          const title = d.catalog.get(c.regulationId)?.service.title ?? { kk: c.regulationId, ru: c.regulationId, en: c.regulationId };
          return [{ caseId, caseNumber: c.number, regulationId: c.regulationId, serviceTitle: title, status: c.status, step: c.step, messages }];
        }),
      };
    },

    'gateway.retry': ({ messageId }, ctx) => {
      const found = s.db.transaction(() => {
        const changed = d.outbox.retryNow(messageId, s.clock.now());
        if (changed) s.audit.append({ actorId: ctx.operator.id, action: 'gateway.retried', subject: `message:${messageId}` });
        return changed;
      }).immediate();
      if (!found) throw new AppError('NOT_FOUND');
      d.sender.wake();
      return { done: true as const };
    },

    'gateway.settings': () => settingsView(),

    'gateway.updateSettings': (input, ctx) => {
      const stored = s.settings.gateway();
      const passwordSealed = input.password ? d.cipher.seal(GATEWAY_PASSWORD_COLUMN, input.password).toString('base64') : stored.passwordSealed;
      if (!passwordSealed) throw new AppError({ code: 'VALIDATION', issues: [{ path: 'password', reason: 'required' }] });
      s.db.transaction(() => {
        s.settings.putGateway({
          endpoint: input.endpoint,
          senderId: input.senderId,
          passwordSealed,
          caPem: input.caPem,
          timeoutSeconds: input.timeoutSeconds,
          pollIntervalSeconds: input.pollIntervalSeconds,
        });
        // The audit row names what changed, never the password itself.
        s.audit.append({
          actorId: ctx.operator.id,
          action: 'gateway.settingsUpdated',
          detail: { endpoint: input.endpoint, senderId: input.senderId, passwordChanged: Boolean(input.password), caPem: input.caPem !== null },
        });
      }).immediate();
      d.sender.wake();
      return settingsView();
    },

    'training.gatewayFault': async ({ mode }, ctx) => {
      if (!s.training || !d.link.simulatorControl) throw new AppError('FORBIDDEN');
      try {
        await d.link.setSimulatorFault(mode);
      } catch {
        throw new AppError('GATEWAY_UNAVAILABLE');
      }
      s.audit.append({ actorId: ctx.operator.id, action: 'training.gatewayFault', detail: { mode } });
      // Back to normal: what waited goes now rather than after its backoff.
      if (mode === 'none') d.outbox.pullForward(s.clock.now(), 500);
      d.sender.wake();
      return { mode };
    },
  };
}
