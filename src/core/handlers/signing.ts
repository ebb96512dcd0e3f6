/** The operator's signature: what will be signed, signing and verifying it, and the trust settings. */
import { AppError } from '../../shared/errors';
import type { SigningService } from '../signatures/signingService';
import type { Services } from '../services';
import type { SigningSettingsStore } from '../signatures/trust';
import type { HandlerGroup } from './types';

type Calls = 'signing.prepare' | 'signing.sign' | 'signing.get' | 'signing.settings' | 'signing.updateSettings';

export function signingHandlers(s: Services, d: { signing: SigningService; settings: SigningSettingsStore }): HandlerGroup<Calls> {
  return {
    'signing.prepare': ({ caseId }, ctx) => {
      const { data, xml, scans } = d.signing.requestOf(caseId, ctx.operator);
      return {
        caseNumber: data.caseNumber,
        xml,
        scans: scans.map((sc) => ({ scanId: sc.id, documentId: sc.documentId, sha256: sc.sha256 })),
        signers: d.signing.signers(),
      };
    },
    'signing.sign': ({ caseId, version, signer }, ctx) => d.signing.sign(caseId, version, signer, ctx.operator),
    'signing.get': ({ caseId }) => d.signing.get(caseId),
    'signing.settings': () => d.settings.get(),
    'signing.updateSettings': (input, ctx) => {
      // A live counter never forwards unsigned requests; only training may switch the check off.
      if (!input.required && !s.training) throw new AppError({ code: 'VALIDATION', issues: [{ path: 'required', reason: 'signing.requiredOnLiveCounter' }] });
      d.settings.check(input);
      s.db.transaction(() => {
        d.settings.put(input);
        s.audit.append({
          actorId: ctx.operator.id,
          action: 'signing.settingsUpdated',
          detail: { roots: d.settings.count(input.trustedRootsPem, 'CERTIFICATE'), crls: d.settings.count(input.crlPem, 'X509 CRL'), ocsp: input.ocspUrl !== null, required: input.required },
        });
      }).immediate();
      return d.settings.get();
    },
  };
}
