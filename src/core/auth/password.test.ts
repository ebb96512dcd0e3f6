import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores scrypt at N=2^17, r=8, p=1 with a random salt', async () => {
    const a = await hashPassword('Құпия-сөз-2026');
    const b = await hashPassword('Құпия-сөз-2026');
    expect(a).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Құпия');
  });

  it('verifies the right password and refuses a wrong one or a damaged hash', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('correct horse battery', stored.replace('scrypt', 'md5'))).toBe(false);
    expect(await verifyPassword('correct horse battery', 'scrypt$17$8$1$')).toBe(false);
  });

  it('treats the same letters typed in composed or decomposed form as one password', async () => {
    const stored = await hashPassword('Әйгерім-2026!');
    expect(await verifyPassword('Ә'.normalize('NFD') + 'йгерім-2026!', stored)).toBe(true);
  });
});
