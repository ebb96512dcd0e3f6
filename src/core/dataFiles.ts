/**
 * The program's own data files (acts, calendar years): read a folder of JSON files, check each
 * against its schema, and set aside — with the file's name and the field at fault — any that does
 * not fit, so one bad file never stops the workstation from starting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';

export interface DataFileProblem {
  file: string;
  /** The field at fault as a dotted path ('' for the file as a whole). */
  field: string;
  reason: string;
}

export function loadDataFiles<S extends z.ZodType>(
  dir: string,
  pattern: RegExp,
  schema: S,
): { items: { file: string; data: z.output<S> }[]; problems: DataFileProblem[] } {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => pattern.test(f)).sort();
  } catch {
    return { items: [], problems: [{ file: dir, field: '', reason: 'folderMissing' }] };
  }
  const items: { file: string; data: z.output<S> }[] = [];
  const problems: DataFileProblem[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch {
      problems.push({ file, field: '', reason: 'notJson' });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) items.push({ file, data: parsed.data });
    else problems.push({ file, field: parsed.error.issues[0]!.path.map(String).join('.'), reason: parsed.error.issues[0]!.message });
  }
  return { items, problems };
}
