/** A workstation with an administrator and one counter operator logged in at 'counter-1'. */
import { makeIin } from './iins';
import { ADMIN, openTestCore, type TestCore } from './workstation';

export const OPERATOR = { login: 'operator1', fullName: 'Нұрлан Әбілұлы Сейітов', iin: makeIin('880512', '3', 77), password: 'Операторға-уақытша-1' };
export const OPERATOR_PASSWORD = 'Оператор-құпиясөзі-2026';
/** Every document S1's act (Aktobe, No. 285) asks for at the hand-over. */
export const S1_DOCUMENTS = ['application', 'applicantIdentity', 'childBirthCertificate', 'disabilityCertificate', 'pmpkConclusion', 'homeSchoolingCertificate'];

export async function openCounter(options: Parameters<typeof openTestCore>[0] = {}): Promise<TestCore> {
  const core = openTestCore(options);
  await core.call('setup.createAdmin', ADMIN, 'admin');
  await core.call('operators.create', { ...OPERATOR, role: 'operator' }, 'admin');
  await core.call('auth.login', { login: OPERATOR.login, password: OPERATOR.password }, 'counter-1');
  await core.call('auth.changePassword', { current: OPERATOR.password, next: OPERATOR_PASSWORD }, 'counter-1');
  return core;
}

/** A case of S1's act started and handed over with every document, as the operator at 'counter-1' does. */
export async function handedOverCase(core: TestCore) {
  const v = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
  return core.call('cases.handOver', { caseId: v.id, version: v.version, documents: S1_DOCUMENTS }, 'counter-1');
}
