/**
 * Signing in tests as an operator does at the counter: the training PKI's operator key (a .p12
 * and its password), real RSA signatures, verified by the core against the training authorities.
 */
import { readFileSync } from 'node:fs';
import { TRAINING_PASSWORD } from '../../src/core/pki/trainingPki';
import type { TestCore } from './workstation';

export const TRAINING_PKI = new URL('../../resources/training-pki/', import.meta.url).pathname;

/** A training key container as the renderer sends it: the file's bytes in base64. */
export function trainingKey(file = 'operator-valid.p12'): { kind: 'pkcs12'; container: string; password: string } {
  return { kind: 'pkcs12', container: readFileSync(TRAINING_PKI + file).toString('base64'), password: TRAINING_PASSWORD };
}

/** Signs the case's request with the operator's training key (the operator logged in at `clientId`). */
export async function signRequest(core: TestCore, caseId: number, clientId = 'counter-1', file?: string) {
  const v = await core.call('cases.get', { caseId }, clientId);
  return core.call('signing.sign', { caseId, version: v.version, signer: trainingKey(file) }, clientId);
}
