/**
 * What workstations report to the branch: the tickets they numbered while cut off, their cases
 * and their audit rows. Each row carries the key its workstation fixed when it wrote it
 * (device + local id, and a version for rows that change), so sending the same rows again —
 * after a lost answer, a killed server, a workstation restarted mid-sync — changes nothing, and
 * the reports count every ticket and case once.
 */
import type { Pool, PoolClient } from 'pg';
import type { BranchOutput, BranchParsed, RegistryCase } from '../shared/branch/wire';
import { inTransaction } from './db/tx';
import type { Device } from './queue';
import { notifyChanged } from './queue';
import type { Sealer } from './sealing';

export class BranchRegistry {
  constructor(
    private readonly pool: Pool,
    private readonly sealer: Sealer,
  ) {}

  async reconcile(device: Device, input: BranchParsed<'reconcile'>): Promise<BranchOutput<'reconcile'>> {
    return inTransaction(this.pool, async (c) => {
      const tickets = input.tickets.length ? await c.query(UPSERT_TICKETS, [device.id, JSON.stringify(input.tickets)]) : { rowCount: 0 };
      const cases = input.cases.length ? await c.query(UPSERT_CASES, [device.id, JSON.stringify(input.cases.map((k) => this.caseRow(k)))]) : { rowCount: 0 };
      await storeStepsAndSurveys(c, device.id, input.cases);
      const audit = input.audit.length ? await c.query(INSERT_AUDIT, [device.id, JSON.stringify(input.audit)]) : { rowCount: 0 };
      const days = new Set(input.tickets.map((t) => t.day));
      for (const day of days) await notifyChanged(c, day);
      if (input.cases.length) await c.query(`SELECT pg_notify('azho_branch', json_build_object('type', 'cases.changed', 'id', 0, 'day', current_date::text)::text)`);
      return { tickets: tickets.rowCount ?? 0, cases: cases.rowCount ?? 0, audit: audit.rowCount ?? 0 };
    });
  }

  private caseRow(k: RegistryCase) {
    const { applicant, steps: _steps, survey: _survey, ...rest } = k;
    return {
      ...rest,
      group: k.group ?? null,
      refusalReasonRu: k.refusalReasonRu ?? null,
      applicantIndex: applicant ? this.sealer.index(applicant.iin).toString('base64') : null,
      applicantEnc: applicant ? this.sealer.seal('cases.applicant', JSON.stringify(applicant)).toString('base64') : null,
    };
  }
}

/**
 * The steps and the survey that came with the cases. A case's steps are replaced by those of a
 * version at least as new as the one stored (the same version sent again writes the same rows);
 * a survey is written once, so a repeat finds it stored. A survey may arrive without a new
 * version of its case (answering it changes nothing else), which is why neither waits for the
 * case row's own upsert, which keeps only newer versions.
 */
async function storeStepsAndSurveys(c: PoolClient, deviceId: number, cases: readonly RegistryCase[]) {
  const withSteps = cases.filter((k) => k.steps !== undefined);
  if (withSteps.length) {
    const taken = await c.query<{ local_id: string }>(TAKE_STEPS, [deviceId, JSON.stringify(withSteps.map((k) => ({ localId: k.localId, version: k.version })))]);
    const ids = taken.rows.map((r) => r.local_id);
    if (ids.length) {
      await c.query('DELETE FROM case_steps WHERE device_id = $1 AND local_id = ANY($2::bigint[])', [deviceId, ids]);
      const steps = withSteps.filter((k) => ids.includes(String(k.localId))).flatMap((k) => k.steps!.map((s, ord) => ({ ...s, localId: k.localId, ord, regulationId: k.regulationId })));
      if (steps.length) {
        await c.query(INSERT_STEPS, [deviceId, JSON.stringify(steps)]);
        await c.query(UPSERT_NORMS, [JSON.stringify(steps)]);
      }
    }
  }
  const surveys = cases.filter((k) => k.survey).map((k) => ({ localId: k.localId, ...k.survey! }));
  if (surveys.length) await c.query(INSERT_SURVEYS, [deviceId, JSON.stringify(surveys)]);
}

const TAKE_STEPS = /* sql */ `
UPDATE cases c SET steps_version = r.version
FROM jsonb_to_recordset($2::jsonb) AS r("localId" bigint, version int)
WHERE c.device_id = $1 AND c.local_id = r."localId" AND (c.steps_version IS NULL OR c.steps_version <= r.version)
RETURNING c.local_id::text`;

const INSERT_STEPS = /* sql */ `
INSERT INTO case_steps (device_id, local_id, ord, regulation_id, step, operator_login, started_at, ended_at, norm_due_at, breached)
SELECT $1, r."localId", r.ord, r."regulationId", r.step, r."operatorLogin", r."startedAt", r."endedAt", r."normDueAt", r.breached
FROM jsonb_to_recordset($2::jsonb) AS r("localId" bigint, ord int, "regulationId" text, step text, "operatorLogin" text,
  "startedAt" timestamptz, "endedAt" timestamptz, "normDueAt" timestamptz, breached boolean)`;

// One row per act's step, however many of its steps the batch holds.
const UPSERT_NORMS = /* sql */ `
INSERT INTO step_norms (regulation_id, step, norm)
SELECT DISTINCT ON (r."regulationId", r.step) r."regulationId", r.step, r.norm
FROM jsonb_to_recordset($1::jsonb) AS r("regulationId" text, step text, norm jsonb)
ON CONFLICT (regulation_id, step) DO UPDATE SET norm = excluded.norm WHERE step_norms.norm IS DISTINCT FROM excluded.norm`;

const INSERT_SURVEYS = /* sql */ `
INSERT INTO case_surveys (device_id, local_id, process_quality, information_quality, answered_at)
SELECT $1, r."localId", r."processQuality", r."informationQuality", r."answeredAt"
FROM jsonb_to_recordset($2::jsonb) AS r("localId" bigint, "processQuality" int, "informationQuality" int, "answeredAt" timestamptz)
ON CONFLICT (device_id, local_id) DO NOTHING`;

// A fallback ticket sorts into the branch's lines by the time it was issued.
const UPSERT_TICKETS = /* sql */ `
INSERT INTO tickets (day, grp, line, seq, number, priority, regulation_id, state, "window", operator_login, recalls,
  issued_at, line_order, called_at, service_started_at, finished_at, case_number, version, origin_device, origin_id)
SELECT r.day, r."group", r.line, 0, r.number, r.priority, r."regulationId", r.state, r."window", r."operatorLogin", r.recalls,
  r."issuedAt", (extract(epoch FROM r."issuedAt") * 1000000)::bigint, r."calledAt", r."serviceStartedAt", r."finishedAt",
  r."caseNumber", r.version, $1, r."localId"
FROM jsonb_to_recordset($2::jsonb) AS r(day date, "group" text, line text, number text, priority text, "regulationId" text,
  state text, "window" text, "operatorLogin" text, recalls int, "issuedAt" timestamptz, "calledAt" timestamptz,
  "serviceStartedAt" timestamptz, "finishedAt" timestamptz, "caseNumber" text, version int, "localId" bigint)
ON CONFLICT (origin_device, origin_id) DO UPDATE SET state = excluded.state, "window" = excluded."window",
  operator_login = excluded.operator_login, recalls = excluded.recalls, called_at = excluded.called_at,
  service_started_at = excluded.service_started_at, finished_at = excluded.finished_at, case_number = excluded.case_number,
  line = excluded.line, version = excluded.version
WHERE tickets.version < excluded.version`;

const UPSERT_CASES = /* sql */ `
INSERT INTO cases (device_id, local_id, version, number, regulation_id, status, step, outcome, refusal_reason,
  registration_number, operator_login, "window", training, created_at, updated_at, applicant_index, applicant_enc,
  grp, refusal_reason_ru)
SELECT $1, r."localId", r.version, r.number, r."regulationId", r.status, r.step, r.outcome, r."refusalReason",
  r."registrationNumber", r."operatorLogin", r."window", r.training, r."createdAt", r."updatedAt",
  decode(r."applicantIndex", 'base64'), decode(r."applicantEnc", 'base64'), r."group", r."refusalReasonRu"
FROM jsonb_to_recordset($2::jsonb) AS r("localId" bigint, version int, number text, "regulationId" text, status text, step text,
  outcome text, "refusalReason" text, "registrationNumber" text, "operatorLogin" text, "window" text, training boolean,
  "createdAt" timestamptz, "updatedAt" timestamptz, "applicantIndex" text, "applicantEnc" text, "group" text, "refusalReasonRu" text)
ON CONFLICT (device_id, local_id) DO UPDATE SET version = excluded.version, status = excluded.status, step = excluded.step,
  outcome = excluded.outcome, refusal_reason = excluded.refusal_reason, registration_number = excluded.registration_number,
  grp = coalesce(excluded.grp, cases.grp), refusal_reason_ru = excluded.refusal_reason_ru,
  "window" = excluded."window", updated_at = excluded.updated_at, applicant_index = excluded.applicant_index,
  applicant_enc = excluded.applicant_enc, received_at = now()
WHERE cases.version < excluded.version`;

const INSERT_AUDIT = /* sql */ `
INSERT INTO audit (device_id, local_id, at, actor, action, subject, detail)
SELECT $1, r."localId", r.at, r.actor, r.action, r.subject, r.detail
FROM jsonb_to_recordset($2::jsonb) AS r("localId" bigint, at timestamptz, actor text, action text, subject text, detail text)
ON CONFLICT (device_id, local_id) DO NOTHING`;
