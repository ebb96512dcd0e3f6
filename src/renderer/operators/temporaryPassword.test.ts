import { describe, expect, it } from 'vitest';
import { NewPassword } from '../../shared/schemas';
import { temporaryPassword } from './temporaryPassword';

describe('temporaryPassword', () => {
  it('is accepted as a new password and has no look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const password = temporaryPassword();
      expect(NewPassword.safeParse(password).success).toBe(true);
      expect(password).toMatch(/^[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}$/);
      expect(password).not.toMatch(/[01OlI]/);
    }
  });

  it('differs every time', () => {
    expect(new Set(Array.from({ length: 100 }, temporaryPassword)).size).toBe(100);
  });
});
