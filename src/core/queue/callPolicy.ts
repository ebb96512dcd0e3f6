/**
 * Which ticket a window calls next: priority (barrier-free) first, first come first served
 * within each class — but a regular ticket never waits behind more than `maxStreak` priority
 * calls in a row. A ticket transferred to this window comes before both.
 */
export interface LineHeads<T> {
  reserved: T | undefined;
  priority: T | undefined;
  regular: T | undefined;
}

export interface Choice<T> {
  ticket: T;
  /** The streak of priority calls made while a regular ticket waited, after this call. */
  streak: number;
}

export function chooseNext<T>(heads: LineHeads<T>, streak: number, maxStreak: number): Choice<T> | null {
  if (heads.reserved) return { ticket: heads.reserved, streak };
  if (heads.priority && heads.regular) {
    return streak >= maxStreak ? { ticket: heads.regular, streak: 0 } : { ticket: heads.priority, streak: streak + 1 };
  }
  if (heads.priority) return { ticket: heads.priority, streak: 0 };
  if (heads.regular) return { ticket: heads.regular, streak: 0 };
  return null;
}
