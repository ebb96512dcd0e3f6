/**
 * Reads every act in resources/regulations/. A file that does not parse or does not fit the
 * schema is set aside with its name and the first field at fault: the workstation still starts,
 * and offers no service built on a broken file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Regulation } from '../../shared/regulation';

export interface RegulationProblem {
  file: string;
  /** The field at fault as a dotted path ('' for the file as a whole). */
  field: string;
  reason: string;
}

export interface LoadedRegulations {
  regulations: Regulation[];
  problems: RegulationProblem[];
}

export function loadRegulations(dir: string): LoadedRegulations {
  const regulations: Regulation[] = [];
  const problems: RegulationProblem[] = [];
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return { regulations, problems: [{ file: dir, field: '', reason: 'folderMissing' }] };
  }
  const seen = new Set<string>();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch {
      problems.push({ file, field: '', reason: 'notJson' });
      continue;
    }
    const parsed = Regulation.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push({ file, field: issue.path.map(String).join('.'), reason: issue.message });
      continue;
    }
    if (`${parsed.data.id}.json` !== file || seen.has(parsed.data.id)) {
      problems.push({ file, field: 'id', reason: 'idDoesNotMatchFile' });
      continue;
    }
    seen.add(parsed.data.id);
    regulations.push(parsed.data);
  }
  return { regulations, problems };
}
