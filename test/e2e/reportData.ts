/**
 * A counter's week for the supervisor's report, made through the contract from the page (same
 * origin, the session cookie) as the workstation's own screens would: accounts, tickets (one
 * served, one no-show, one still waiting), cases (two refused with the survey taken, two still in
 * progress). What it made is returned, so the journey checks the report against it.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { admin, operator, validIin } from './people';
import { SARSENOV } from './cases';

export const S1_AKTOBE = 's1-aktobe-285';
const TEMPORARY_PASSWORD = 'Уақытша-құпиясөз-1';

export const supervisor = {
  login: 'gulnar.supervisor',
  fullName: 'Сейітқалиева Гүлнар Әбілқызы',
  iin: validIin('880214', 4),
  newPassword: 'Бақылау-құпиясөз-9',
};

/** Two applicants the simulated ЖТ МДҚ does not hold: their cases end in the process-4 refusal. */
const ABSENT = [validIin('010203', 5), validIin('020304', 6)];

export interface MadeWeek {
  cases: number;
  refused: string[];
  inProgress: number;
  surveys: { processQuality: number; informationQuality: number }[];
  tickets: { issued: number; served: number; noShow: number };
}

export async function makeWeek(page: Page): Promise<MadeWeek> {
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  const made = await page.evaluate(
    async ({ admin, operator, supervisor, temporary, regulationId, absent, known }) => {
      const failures: string[] = [];
      const call = async <T,>(name: string, input: unknown): Promise<T> => {
        const response = await fetch(`/api/call/${name}`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
        const body = (await response.json()) as { ok: boolean; value: T; error?: { code: string } };
        if (!body.ok) failures.push(`${name}: ${body.error?.code}`);
        return body.value;
      };
      type Case = { id: number; version: number; number: string; status: string };
      type Ticket = { id: number; version: number };
      const account = (p: { login: string; fullName: string; iin: string }, role: string) =>
        call('operators.create', { login: p.login, fullName: p.fullName, iin: p.iin, role, password: temporary });

      await call('setup.createAdmin', { login: admin.login, fullName: admin.fullName, iin: admin.iin, password: admin.password });
      await account(operator, 'operator');
      await account(supervisor, 'supervisor');
      await call('auth.logout', {});
      await call('auth.login', { login: supervisor.login, password: temporary });
      await call('auth.changePassword', { current: temporary, next: supervisor.newPassword });
      await call('auth.logout', {});
      await call('auth.login', { login: operator.login, password: temporary });
      await call('auth.changePassword', { current: temporary, next: operator.newPassword });

      const act = await call<{ requiredDocuments: { id: string; optional: boolean }[] }>('catalog.regulation', { id: regulationId });
      const documents = act.requiredDocuments.map((d) => d.id);
      const refused: string[] = [];
      const surveys: { processQuality: number; informationQuality: number }[] = [];
      /** Hand-over of every document, the request form with the applicant; a refused case gets the survey. */
      const walk = async (opened: Case, iin: string | null, survey?: [number, number]) => {
        let c = await call<Case>('cases.handOver', { caseId: opened.id, version: opened.version, documents });
        if (iin) c = await call<Case>('cases.submitForm', { caseId: c.id, version: c.version, applicantIin: iin, representative: null });
        if (c.status === 'refused') refused.push(c.number);
        if (survey) {
          await call('cases.survey', { caseId: c.id, processQuality: survey[0], informationQuality: survey[1] });
          surveys.push({ processQuality: survey[0], informationQuality: survey[1] });
        }
        return c;
      };

      // The queue: three tickets; a no-show, one served (its case refused, the survey taken), one still waiting.
      await call('queue.issue', { group: 'A', regulationId, priority: null });
      await call('queue.issue', { group: 'A', regulationId, priority: null });
      await call('queue.issue', { group: 'A', regulationId, priority: 'elderly' });
      await call('queue.setWindow', { window: '1', groups: ['A'] });
      const first = await call<Ticket>('queue.callNext', {});
      await call('queue.noShow', { ticketId: first.id, version: first.version });
      const second = await call<Ticket>('queue.callNext', {});
      const started = await call<{ ticket: Ticket; case: Case }>('queue.startService', { ticketId: second.id, version: second.version, regulationId, documentLocale: 'kk' });
      await walk(started.case, absent[0]!, [3, 2]);
      await call('queue.finish', { ticketId: started.ticket.id, version: started.ticket.version });

      // Cases opened without a ticket: another refusal (the survey answered poorly), one at the forward step, one at the hand-over.
      await walk(await call<Case>('cases.start', { regulationId, documentLocale: 'ru' }), absent[1]!, [1, 1]);
      await walk(await call<Case>('cases.start', { regulationId, documentLocale: 'kk' }), known);
      await call<Case>('cases.start', { regulationId, documentLocale: 'kk' });
      await call('auth.logout', {});
      return { failures, refused, surveys };
    },
    { admin, operator, supervisor, temporary: TEMPORARY_PASSWORD, regulationId: S1_AKTOBE, absent: ABSENT, known: SARSENOV.iin },
  );
  expect(made.failures).toEqual([]);
  expect(made.refused).toHaveLength(2);
  return { cases: 4, refused: made.refused, inProgress: 2, surveys: made.surveys, tickets: { issued: 3, served: 1, noShow: 1 } };
}
