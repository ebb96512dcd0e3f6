/**
 * Finding a service by a few letters of its name, in Kazakh, Russian or English, the way an
 * operator types while the applicant talks: every typed word must begin a word of the title.
 */
import type { Text } from '../../shared/regulation';

/** Lower case, ё as е, punctuation and quotes dropped: «Мүгедек» and мүгедек are the same word. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every word of the titles, each behind a space: " мүгедек балаларды …", so a word's start is " " + typed. */
export interface Searchable {
  haystack: string;
}

export function searchableOf(titles: Text[]): Searchable {
  const words = new Set<string>();
  for (const t of titles) for (const lang of [t.kk, t.ru, t.en]) for (const w of normalise(lang).split(' ')) if (w) words.add(w);
  return { haystack: ` ${[...words].join(' ')}` };
}

/** The typed words, each as the start of a word to look for. */
export function typedWords(query: string): string[] {
  return normalise(query)
    .split(' ')
    .filter(Boolean)
    .map((t) => ` ${t}`);
}

export function matches(item: Searchable, typed: readonly string[]): boolean {
  return typed.every((t) => item.haystack.includes(t));
}
