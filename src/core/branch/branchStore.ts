/**
 * This workstation's branch identity and what it still owes the branch, in its own SQLite: the
 * rows the triggers of migration 0007 marked (cases, tickets numbered while cut off, operator
 * accounts) and the audit rows after the last one the branch stored. A batch is read, sent, and
 * acknowledged in one transaction that clears exactly what was sent — a row changed meanwhile
 * stays pending.
 */
import type { Database } from 'better-sqlite3';
import type { AuditRow, DirectoryAccount, FallbackTicket, RegistryCase, RegistryStep, RegistrySurvey } from '../../shared/branch/wire';
import type { Regulation } from '../../shared/regulation';
import type { CaseReader } from '../cases/caseReader';
import { refusalReasonOf as refusalOf } from '../reports/refusalReason';
import type { FieldCipher } from '../crypto/fieldCipher';
import type { OperatorStore } from '../auth/operatorStore';
import type { BranchIdentity } from './branchClient';

const KEY_COLUMN = 'branch_link.key';

export interface PendingBatch {
  tickets: FallbackTicket[];
  cases: RegistryCase[];
  audit: AuditRow[];
  /** For `operators.push`, apart from the reconciliation. */
  accounts: DirectoryAccount[];
  /** What to clear once the branch has stored the batch. */
  sent: { kind: 'case' | 'ticket' | 'operator'; ref: number; seq: number }[];
  auditUpTo: number | null;
}

interface TicketRow {
  id: number; day: string; grp: string; line: string; number: string; priority: string | null; regulation_id: string | null;
  state: FallbackTicket['state']; window: string | null; operator_id: number | null; recalls: number; issued_at: string;
  called_at: string | null; service_started_at: string | null; finished_at: string | null; case_id: number | null; version: number;
}

/**
 * `regulation` gives the acts the cases follow: the branch's reports get each case's queue group
 * and each step's norm from the workstation, as it applied them, and keep no copy of the acts.
 */
export function createBranchStore(db: Database, cipher: FieldCipher, cases: CaseReader, operators: OperatorStore, regulation: (id: string) => Regulation | undefined) {
  const q = {
    link: db.prepare('SELECT * FROM branch_link'),
    save: db.prepare(
      `INSERT INTO branch_link (singleton, api_url, branch_id, branch_name, device, ca_pem, cert_pem, key_sealed, enrolled_at, audit_sent)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(id), 0) FROM audit))
       ON CONFLICT (singleton) DO UPDATE SET api_url = excluded.api_url, branch_id = excluded.branch_id, branch_name = excluded.branch_name,
         device = excluded.device, ca_pem = excluded.ca_pem, cert_pem = excluded.cert_pem, key_sealed = excluded.key_sealed,
         enrolled_at = excluded.enrolled_at`,
    ),
    pending: db.prepare('SELECT kind, ref, seq FROM branch_pending WHERE kind = ? ORDER BY ref LIMIT ?'),
    counts: db.prepare(
      `SELECT (SELECT count(*) FROM branch_pending WHERE kind = 'ticket') AS tickets, (SELECT count(*) FROM branch_pending WHERE kind = 'case') AS cases,
              (SELECT count(*) FROM audit WHERE id > (SELECT audit_sent FROM branch_link)) AS audit,
              (SELECT count(*) FROM branch_pending WHERE kind = 'operator') AS operators`,
    ),
    // The accounts made before the workstation joined are the branch's too (audit rows are not).
    markAccounts: db.prepare(
      `INSERT INTO branch_pending (kind, ref, seq) SELECT 'operator', id, 1 FROM operators WHERE true
       ON CONFLICT (kind, ref) DO UPDATE SET seq = seq + 1`,
    ),
    ticket: db.prepare('SELECT * FROM tickets WHERE id = ?'),
    caseOfTicket: db.prepare('SELECT "window" FROM tickets WHERE case_id = ? ORDER BY id DESC LIMIT 1'),
    audit: db.prepare('SELECT id, at, actor_id, action, subject, detail FROM audit WHERE id > (SELECT audit_sent FROM branch_link) ORDER BY id LIMIT ?'),
    steps: db.prepare('SELECT step, operator_id, started_at, ended_at, norm_due_at, breached FROM case_steps WHERE case_id = ? ORDER BY id'),
    survey: db.prepare('SELECT process_quality, information_quality, answered_at FROM case_surveys WHERE case_id = ?'),
    clear: db.prepare('DELETE FROM branch_pending WHERE kind = ? AND ref = ? AND seq = ?'),
    auditSent: db.prepare('UPDATE branch_link SET audit_sent = max(audit_sent, ?)'),
  };
  const login = (id: number | null) => (id === null ? null : (operators.byId(id)?.login ?? `#${id}`));

  const ticketOf = (r: TicketRow): FallbackTicket => ({
    localId: r.id,
    version: r.version,
    day: r.day,
    number: r.number,
    group: r.grp,
    line: r.line,
    priority: r.priority,
    regulationId: r.regulation_id,
    state: r.state,
    window: r.window,
    operatorLogin: login(r.operator_id),
    recalls: r.recalls,
    issuedAt: r.issued_at,
    calledAt: r.called_at,
    serviceStartedAt: r.service_started_at,
    finishedAt: r.finished_at,
    caseNumber: r.case_id === null ? null : (cases.get(r.case_id)?.number ?? null),
  });

  const stepsOf = (caseId: number, regulationId: string, channelKind: string): RegistryStep[] => {
    const channel = regulation(regulationId)?.channels.find((c) => c.kind === channelKind);
    const rows = q.steps.all(caseId) as { step: string; operator_id: number | null; started_at: string; ended_at: string | null; norm_due_at: string | null; breached: number }[];
    return rows.map((r) => ({
      step: r.step,
      operatorLogin: login(r.operator_id),
      startedAt: r.started_at,
      endedAt: r.ended_at,
      normDueAt: r.norm_due_at,
      breached: r.breached === 1,
      norm: channel?.steps.find((s) => s.id === r.step)?.norm ?? null,
    }));
  };

  const surveyOf = (caseId: number): RegistrySurvey | null => {
    const r = q.survey.get(caseId) as { process_quality: 1 | 2 | 3; information_quality: 1 | 2 | 3; answered_at: string } | undefined;
    return r ? { processQuality: r.process_quality, informationQuality: r.information_quality, answeredAt: r.answered_at } : null;
  };

  const caseOf = (id: number): RegistryCase | null => {
    const k = cases.get(id);
    if (!k) return null;
    return {
      localId: k.id,
      version: k.version,
      number: k.number,
      regulationId: k.regulationId,
      status: k.status,
      step: k.step,
      outcome: k.outcome,
      refusalReason: refusalOf(k)?.kk ?? null,
      registrationNumber: k.registrationNumber,
      operatorLogin: login(k.operatorId) ?? '',
      window: (q.caseOfTicket.get(k.id) as { window: string | null } | undefined)?.window ?? null,
      training: k.training,
      createdAt: k.createdAt,
      updatedAt: k.updatedAt,
      applicant: k.applicant ? { iin: k.applicant.iin, fullName: k.applicant.fullName ?? '' } : null,
      group: regulation(k.regulationId)?.service.queueGroup ?? null,
      refusalReasonRu: refusalOf(k)?.ru ?? null,
      steps: stepsOf(k.id, k.regulationId, k.channel),
      survey: surveyOf(k.id),
    };
  };

  return {
    identity(): BranchIdentity | null {
      const r = q.link.get() as
        | { api_url: string; branch_id: string; branch_name: string; device: string; ca_pem: string; cert_pem: string; key_sealed: Buffer }
        | undefined;
      if (!r) return null;
      return {
        url: r.api_url,
        branchId: r.branch_id,
        branchName: r.branch_name,
        device: r.device,
        caPem: r.ca_pem,
        certPem: r.cert_pem,
        keyPem: cipher.open(KEY_COLUMN, r.key_sealed),
      };
    },

    /** Joining a branch: the audit written before it stays this workstation's own; the accounts join the branch's directory. */
    save(identity: BranchIdentity, at: string) {
      db.transaction(() => {
        q.save.run(identity.url, identity.branchId, identity.branchName, identity.device, identity.caPem, identity.certPem, cipher.seal(KEY_COLUMN, identity.keyPem), at);
        q.markAccounts.run();
      }).immediate();
    },

    counts: () => q.counts.get() as { tickets: number; cases: number; audit: number; operators: number },

    /** The next batch to send, within the contract's limits. */
    batch(limits = { tickets: 500, cases: 200, audit: 1000, accounts: 500 }): PendingBatch {
      const sent: PendingBatch['sent'] = [];
      const tickets: FallbackTicket[] = [];
      const caseRows: RegistryCase[] = [];
      for (const p of q.pending.all('ticket', limits.tickets) as { ref: number; seq: number }[]) {
        const r = q.ticket.get(p.ref) as TicketRow | undefined;
        if (r) tickets.push(ticketOf(r));
        sent.push({ kind: 'ticket', ref: p.ref, seq: p.seq });
      }
      for (const p of q.pending.all('case', limits.cases) as { ref: number; seq: number }[]) {
        const k = caseOf(p.ref);
        if (k) caseRows.push(k);
        sent.push({ kind: 'case', ref: p.ref, seq: p.seq });
      }
      const accounts: DirectoryAccount[] = [];
      for (const p of q.pending.all('operator', limits.accounts) as { ref: number; seq: number }[]) {
        const a = operators.account(p.ref);
        if (a) accounts.push(a);
        sent.push({ kind: 'operator', ref: p.ref, seq: p.seq });
      }
      const auditRows = q.audit.all(limits.audit) as { id: number; at: string; actor_id: number | null; action: string; subject: string | null; detail: string }[];
      return {
        tickets,
        cases: caseRows,
        audit: auditRows.map((a) => ({ localId: a.id, at: a.at, actor: login(a.actor_id), action: a.action, subject: a.subject, detail: a.detail })),
        accounts,
        sent,
        auditUpTo: auditRows.at(-1)?.id ?? null,
      };
    },

    acknowledge(batch: PendingBatch) {
      db.transaction(() => {
        for (const s of batch.sent) q.clear.run(s.kind, s.ref, s.seq);
        if (batch.auditUpTo !== null) q.auditSent.run(batch.auditUpTo);
      }).immediate();
    },
  };
}

export type BranchStore = ReturnType<typeof createBranchStore>;
