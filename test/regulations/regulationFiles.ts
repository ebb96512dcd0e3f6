/**
 * Shared by the regulation tests: where the data and the seeds live, reading the acts, and the
 * normalisation used to prove that a step's Kazakh title is the act's own words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const REGULATIONS_DIR = join(ROOT, 'resources', 'regulations');
/**
 * The seeds (the Kazakh texts of the acts) are not in the repository: AZHO_SEEDS_DIR names their
 * folder (`.ci/run` sets it), else they are looked for beside the repository, as the project's
 * own machines lay them out.
 */
export const SEEDS_DIR_GIVEN = Boolean(process.env.AZHO_SEEDS_DIR);
export const SEEDS_DIR = resolve(ROOT, process.env.AZHO_SEEDS_DIR ?? '../shared/seeds');

export function regulationFileNames(): string[] {
  return readdirSync(REGULATIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readRegulationJson(file: string): unknown {
  return JSON.parse(readFileSync(join(REGULATIONS_DIR, file), 'utf8'));
}

export function seedsAvailable(): boolean {
  return existsSync(SEEDS_DIR);
}

const seedCache = new Map<string, string>();
export function seedText(name: string): string {
  let text = seedCache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SEEDS_DIR, name), 'utf8');
    seedCache.set(name, text);
  }
  return text;
}

/**
 * Only what differs in typesetting, never in wording: the converted texts carry markdown links
 * ("[9-тармағында](#)") and bold marks, wrap lines (and the Karaganda text breaks lines inside
 * brackets: "( бұдан әрі"), use non-breaking spaces, and mix -, – and — with or without spaces
 * around them, and «», “” and "" for quotes. Letters, including the act's own misspellings and
 * the Latin i of the 2013 Ekibastuz text, are compared as they are.
 */
export function normaliseActText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/[«»“”„‟"]/g, '"')
    .replace(/[‐‑‒–—―−-]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .trim();
}
