/**
 * The operator's sentences for a storage problem, read from the renderer's own catalogues (the
 * JSON files the storage screen shows; the Node half of the build does not compile the renderer).
 */
import { readFileSync } from 'node:fs';

export const LOCALES = ['kk', 'ru', 'en'] as const;

export function message(locale: (typeof LOCALES)[number], key: string): string {
  const catalog = JSON.parse(readFileSync(new URL(`../../src/renderer/i18n/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  const text = catalog[key];
  if (!text) throw new Error(`no ${locale} message for ${key}`);
  return text;
}
