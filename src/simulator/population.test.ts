import { describe, expect, it } from 'vitest';
import { checkIin } from '../shared/iin';
import { TRAINING_PEOPLE, TRAINING_POWERS_OF_ATTORNEY } from '../shared/training/people';
import { WirePerson, WirePowerOfAttorney } from '../shared/smartBridge/services';
import { createPopulation } from './population';

describe('simulated population', () => {
  const population = createPopulation({ size: 10_000, seed: 'azho' });
  const people = [...population.people()];
  const powers = [...population.powersOfAttorney()];

  it('is the same for the same seed and different for another', () => {
    expect([...createPopulation({ size: 10_000, seed: 'azho' }).people()]).toEqual(people);
    expect([...createPopulation({ size: 10_000, seed: 'azho' }).powersOfAttorney()]).toEqual(powers);
    const other = [...createPopulation({ size: 10_000, seed: 'other' }).people()];
    expect(other.slice(0, 100).map((p) => p.iin)).not.toEqual(people.slice(0, 100).map((p) => p.iin));
  });

  it('reads a seed of digits as the number it spells, as the command line passes it', () => {
    const fromCli = [...createPopulation({ size: 50, seed: '42' }).people()];
    expect(fromCli).toEqual([...createPopulation({ size: 50, seed: 42 }).people()]);
    expect(fromCli).not.toEqual([...createPopulation({ size: 50, seed: 43 }).people()]);
  });

  it('holds the generated people plus the training ones, every IIN distinct', () => {
    expect(people).toHaveLength(10_000 + TRAINING_PEOPLE.length);
    expect(new Set(people.map((p) => p.iin)).size).toBe(people.length);
  });

  it('gives everyone a valid IIN that encodes their birth date and sex, in the wire shape', () => {
    for (const p of people) {
      const check = checkIin(p.iin);
      expect(check.ok, p.iin).toBe(true);
      if (check.ok) expect(check.facts).toEqual({ birthDate: p.birthDate, sex: p.sex });
      expect(WirePerson.safeParse({ ...p, deceased: String(p.deceased) }).success, p.iin).toBe(true);
    }
  });

  it('serves exactly the training people and powers of attorney', () => {
    for (const t of TRAINING_PEOPLE) expect(population.findPerson(t.iin)).toEqual(t);
    for (const t of TRAINING_POWERS_OF_ATTORNEY) {
      expect(population.findPowerOfAttorney({ number: t.number, principalIin: t.principalIin, representativeIin: t.representativeIin })).toEqual(t);
    }
  });

  it('matches a power of attorney only on its number and both IINs', () => {
    const t = TRAINING_POWERS_OF_ATTORNEY[0]!;
    expect(population.findPowerOfAttorney({ number: t.number, principalIin: t.principalIin, representativeIin: t.principalIin })).toBeNull();
    expect(population.findPowerOfAttorney({ number: 'НҚ-0000-0000', principalIin: t.principalIin, representativeIin: t.representativeIin })).toBeNull();
    expect(population.findPerson('000000000000')).toBeNull();
  });

  it('has about 2% deceased, about 5% principals, some revoked, between people who exist', () => {
    const deceased = people.filter((p) => p.deceased).length / people.length;
    expect(deceased).toBeGreaterThan(0.01);
    expect(deceased).toBeLessThan(0.035);
    const principals = new Set(powers.map((p) => p.principalIin)).size / people.length;
    expect(principals).toBeGreaterThan(0.03);
    expect(principals).toBeLessThan(0.07);
    const revoked = powers.filter((p) => p.revoked).length;
    expect(revoked).toBeGreaterThan(0);
    expect(revoked).toBeLessThan(powers.length / 4);
    for (const p of powers) {
      expect(WirePowerOfAttorney.safeParse({ ...p, revoked: String(p.revoked) }).success).toBe(true);
      expect(population.findPerson(p.principalIin)).not.toBeNull();
      expect(population.findPerson(p.representativeIin)).not.toBeNull();
      expect(p.principalIin).not.toBe(p.representativeIin);
    }
    expect(new Set(powers.map((p) => p.number)).size).toBe(powers.length);
  });

  it('has Kazakh names with Kazakh letters and Russian names', () => {
    const names = people.map((p) => `${p.surname} ${p.name} ${p.patronymic ?? ''}`).join(' ');
    for (const letter of 'әғқңөұүһі') expect(names, letter).toContain(letter);
    expect(people.some((p) => p.patronymic?.endsWith('ұлы'))).toBe(true);
    expect(people.some((p) => p.patronymic?.endsWith('вна'))).toBe(true);
  });
});
