/**
 * The three message catalogues. Kazakh is the source of truth: its keys define MessageKey, and
 * Russian and English must have every one of them or this file does not compile.
 */
import type { Locale } from '../../shared/schemas';
// tsconfig.web.json includes no .json yet, so each import is reported as "not listed" (TS6307)
// although it type-checks in full. Drop these three ignores once "src/renderer/**/*.json" is listed.
// @ts-ignore TS6307
import kk from './kk.json';
// @ts-ignore TS6307
import ru from './ru.json';
// @ts-ignore TS6307
import en from './en.json';

export type MessageKey = keyof typeof kk;
export type Catalog = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

export const catalogs: Record<Locale, Catalog> = { kk, ru, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(kk, key);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = catalogs[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
