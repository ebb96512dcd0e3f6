/** The operator's work on cases: each call is one action of the act's counter flow. */
import { AppError } from '../../shared/errors';
import { checkIin } from '../../shared/iin';
import type { CaseEngine } from '../cases/caseService';
import type { CaseRecord, CaseStore } from '../cases/caseStore';
import type { Catalog } from '../regulations/catalog';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls =
  | 'cases.start' | 'cases.handOver' | 'cases.submitForm' | 'cases.forward' | 'cases.issue' | 'cases.refresh'
  | 'cases.survey' | 'cases.get' | 'cases.list' | 'cases.document' | 'cases.toIssue' | 'cases.handOverRefusal';

export interface CaseHandlerDeps {
  engine: CaseEngine;
  store: CaseStore;
  catalog: Catalog;
  today(): string;
  /** The start of today on the branch's clock, as an ISO instant. */
  startOfToday(): string;
  applicantIndex(iin: string): string;
}

export function caseHandlers(s: Services, d: CaseHandlerDeps): HandlerGroup<Calls> {
  const view = (id: number) => {
    const record = d.store.get(id);
    if (!record) throw new AppError('NOT_FOUND');
    return d.engine.view(record);
  };
  const summary = (r: CaseRecord) => ({
    id: r.id,
    number: r.number,
    regulationId: r.regulationId,
    serviceTitle: d.catalog.get(r.regulationId)?.service.title ?? { kk: r.regulationId, ru: r.regulationId, en: r.regulationId },
    status: r.status,
    step: r.step,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    expectedResultDate: r.expectedResultDate,
    awaitingCollection: r.awaitingCollection,
  });

  return {
    'cases.start': async ({ regulationId, documentLocale }, ctx) => {
      if (!d.catalog.canOpen(regulationId, s.settings.branch().region, d.today(), s.training)) throw new AppError('SERVICE_NOT_OFFERED');
      return d.engine.view(await d.engine.open(regulationId, documentLocale, ctx.operator!));
    },
    'cases.handOver': async ({ caseId, version, documents }, ctx) =>
      d.engine.view(await d.engine.handOver(caseId, version, documents, ctx.operator!)),
    'cases.submitForm': async ({ caseId, version, applicantIin, representative }, ctx) =>
      d.engine.view(await d.engine.submitForm(caseId, version, applicantIin, representative, ctx.operator!)),
    'cases.forward': async ({ caseId, version, documents }, ctx) =>
      d.engine.view(await d.engine.forward(caseId, version, documents, ctx.operator!)),
    'cases.issue': async ({ caseId, version }, ctx) => d.engine.view(await d.engine.issue(caseId, version, ctx.operator!)),
    'cases.refresh': async ({ caseId }, ctx) => d.engine.view(await d.engine.refresh(caseId, ctx.operator!)),
    'cases.survey': ({ caseId, processQuality, informationQuality }, ctx) =>
      d.engine.view(d.engine.survey(caseId, processQuality, informationQuality, ctx.operator!)),

    'cases.get': ({ caseId }, ctx) => {
      const v = view(caseId);
      // The applicant's personal data is on the screen now: that leaves a trace.
      s.audit.append({ actorId: ctx.operator!.id, action: 'cases.viewed', subject: `case:${caseId}` });
      return v;
    },

    'cases.list': ({ status, find }) => {
      let records;
      if (find && /^\d{12}$/.test(find)) {
        records = checkIin(find).ok ? d.store.byApplicantIndex(d.applicantIndex(find)) : [];
      } else if (find) {
        const one = d.store.byNumber(find.toUpperCase());
        records = one ? [one] : [];
      } else {
        records = d.store.createdSince(d.startOfToday());
      }
      return { cases: records.filter((r) => !status || r.status === status).map(summary) };
    },

    'cases.toIssue': () => ({ cases: d.store.toIssue().map(summary) }),
    'cases.handOverRefusal': async ({ caseId, version }, ctx) => d.engine.view(await d.engine.handOverRefusal(caseId, version, ctx.operator!)),

    'cases.document': ({ caseId, kind }, ctx) => {
      const doc = d.store.getDocument(caseId, kind);
      if (!doc) throw new AppError('NOT_FOUND');
      s.audit.append({ actorId: ctx.operator!.id, action: 'cases.documentShown', subject: `case:${caseId}`, detail: { kind } });
      return doc;
    },
  };
}
