/**
 * Temporary passwords an administrator reads out or writes down for an operator: no look-alike
 * characters (0/O, 1/l/I), grouped for reading, about 68 bits from the platform's CSPRNG.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function temporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    while (group.length < 4) {
      const [byte] = crypto.getRandomValues(new Uint8Array(1));
      // Rejection sampling keeps every character equally likely.
      if (byte !== undefined && byte < ALPHABET.length * Math.floor(256 / ALPHABET.length)) group += ALPHABET[byte % ALPHABET.length];
    }
    groups.push(group);
  }
  return groups.join('-');
}
