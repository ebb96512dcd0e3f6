/**
 * A training workstation with a trainer and a trainee logged in, and a trainee who walks a
 * scenario the way its hints say: calls the walk-in's ticket, opens the case under the act,
 * ticks exactly the papers brought, types the applicant and the representative, signs and
 * forwards only where the request should go, issues, takes the survey, hands a refusal over.
 */
import { readFileSync } from 'node:fs';
import type { CaseView } from '../../src/shared/cases';
import type { ScenarioFile } from '../../src/shared/training/scenarioFile';
import { openCounter } from '../support/counter';
import { makeIin } from '../support/iins';
import { signRequest } from '../support/signing';
import { ADMIN, type TestCore } from '../support/workstation';

export const TRAINER = { login: 'trainer1', fullName: 'Гүлнар Серікқызы Әлиева', iin: makeIin('790303', '4', 31), password: 'Жаттықтырушы-2026-уақ' };
const TRAINER_PASSWORD = 'Жаттықтырушы-құпия-2026';
export const TRAINEE = 'operator1';
const TRAINEE_CLIENT = 'counter-1';

export async function openTrainingCounter(options: Parameters<typeof openCounter>[0] = {}): Promise<TestCore> {
  const core = await openCounter({ training: true, ...options });
  await core.call('operators.create', { ...TRAINER, role: 'trainer' }, 'admin');
  await core.call('auth.login', { login: TRAINER.login, password: TRAINER.password }, 'trainer');
  await core.call('auth.changePassword', { current: TRAINER.password, next: TRAINER_PASSWORD }, 'trainer');
  return core;
}

export function scenarioFile(id: string): ScenarioFile {
  return JSON.parse(readFileSync(new URL(`../../resources/training/${id}.json`, import.meta.url), 'utf8')) as ScenarioFile;
}

const GROUP: Record<string, string> = { 's1-aktobe-285': 'A', 's1-karaganda-38-08': 'A', 's5-aktobe-33': 'E' };

/** The trainee calls the next ticket at window 1 and opens the case under the scenario's act. */
export async function callAndOpen(core: TestCore, sc: ScenarioFile) {
  await core.call('queue.setWindow', { window: '1', groups: [GROUP[sc.regulationId]!] }, TRAINEE_CLIENT);
  const ticket = await core.call('queue.callNext', {}, TRAINEE_CLIENT);
  const { case: opened, ticket: serving } = await core.call(
    'queue.startService',
    { ticketId: ticket.id, version: ticket.version, regulationId: sc.regulationId, documentLocale: 'kk' },
    TRAINEE_CLIENT,
  );
  return { ticket: serving, opened };
}

/** The right moves, one by one, with the papers `taken` (by default exactly those brought). */
export async function walkRight(core: TestCore, sc: ScenarioFile, taken = sc.walkIn.brings): Promise<CaseView> {
  const { ticket, opened } = await callAndOpen(core, sc);
  let v = await core.call('cases.handOver', { caseId: opened.id, version: opened.version, documents: taken }, TRAINEE_CLIENT);
  const rep = sc.walkIn.representative;
  v = await core.call(
    'cases.submitForm',
    {
      caseId: v.id,
      version: v.version,
      applicantIin: sc.walkIn.applicantIin,
      representative: rep && { iin: rep.iin, fullName: 'Өкіл Аты Жөні', powerOfAttorney: { kind: 'notarised', ...rep.powerOfAttorney } },
    },
    TRAINEE_CLIENT,
  );
  if (sc.expected.forwarded) {
    await signRequest(core, v.id, TRAINEE_CLIENT);
    v = await core.call('cases.get', { caseId: v.id }, TRAINEE_CLIENT);
    v = await core.call('cases.forward', { caseId: v.id, version: v.version }, TRAINEE_CLIENT);
  }
  if (sc.expected.status === 'issued') v = await core.call('cases.issue', { caseId: v.id, version: v.version }, TRAINEE_CLIENT);
  if (v.awaitingCollection) v = await core.call('cases.handOverRefusal', { caseId: v.id, version: v.version }, TRAINEE_CLIENT);
  if (sc.expected.survey) v = await core.call('cases.survey', { caseId: v.id, processQuality: 3, informationQuality: 3 }, TRAINEE_CLIENT);
  if (sc.expected.finishWhen === 'ticketClosed') {
    const t = (await core.call('queue.overview', {}, TRAINEE_CLIENT)).window!.current!;
    await core.call('queue.finish', { ticketId: t.id, version: t.version }, TRAINEE_CLIENT);
  }
  void ticket;
  return v;
}

export { ADMIN, TRAINEE_CLIENT };
