/**
 * Enrolling a device: the administrator makes a one-time code for a named workstation, kiosk or
 * board (`npm run branch -- enroll …`); the device sends the code with its new public key and gets
 * its client certificate. Only the code's hash is kept; a code works once, for 24 hours.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import type { DeviceRole, EnrollAnswer } from '../shared/branch/wire';
import { BRANCH_CONTRACT_VERSION } from '../shared/branch/wire';
import { inTransaction } from './db/tx';
import { BranchFailure } from './failure';
import type { BranchPki } from './pki';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_HOURS = 24;

const hash = (code: string) => createHash('sha256').update(code).digest();

export async function makeEnrollmentCode(pool: Pool, device: string, role: DeviceRole): Promise<string> {
  const code = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');
  await pool.query(
    `INSERT INTO enrollment_codes (code_hash, device_name, role, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [hash(code), device, role, CODE_HOURS],
  );
  return code;
}

export async function enroll(
  pool: Pool,
  pki: BranchPki,
  branch: { id: string; name: string },
  code: string,
  publicKeyPem: string,
): Promise<EnrollAnswer> {
  return inTransaction(pool, async (c) => {
    const { rows } = await c.query<{ device_name: string; role: DeviceRole }>(
      `UPDATE enrollment_codes SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING device_name, role`,
      [hash(code)],
    );
    const found = rows[0];
    if (!found) throw new BranchFailure('ENROLLMENT_CODE', 403);
    let issued;
    try {
      issued = await pki.issueDeviceCert({ publicKeyPem, device: found.device_name, role: found.role });
    } catch {
      throw new BranchFailure({ code: 'VALIDATION', issues: [{ path: 'publicKeyPem', reason: 'branch.publicKey' }] }, 400);
    }
    // Enrolling a device again replaces its certificate: the old one stops working at once.
    await c.query(
      `INSERT INTO devices (name, role, cert_serial, enrolled_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (name) DO UPDATE SET role = excluded.role, cert_serial = excluded.cert_serial, enrolled_at = now(), revoked_at = NULL`,
      [found.device_name, found.role, issued.serial],
    );
    return {
      branchId: branch.id,
      branchName: branch.name,
      device: { name: found.device_name, role: found.role },
      certificatePem: issued.certPem,
      caPem: pki.caPem,
      contractVersion: BRANCH_CONTRACT_VERSION,
    };
  });
}

export async function revokeDevice(pool: Pool, device: string): Promise<boolean> {
  const r = await pool.query('UPDATE devices SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL', [device]);
  return (r.rowCount ?? 0) > 0;
}
