/**
 * Reads every act in resources/regulations/. A file that does not parse or does not fit the
 * schema is set aside with its name and the first field at fault: the workstation still starts,
 * and offers no service built on a broken file.
 */
import { Regulation } from '../../shared/regulation';
import { loadDataFiles, type DataFileProblem } from '../dataFiles';

export type RegulationProblem = DataFileProblem;

export interface LoadedRegulations {
  regulations: Regulation[];
  problems: RegulationProblem[];
}

export function loadRegulations(dir: string): LoadedRegulations {
  const { items, problems } = loadDataFiles(dir, /\.json$/, Regulation);
  const regulations: Regulation[] = [];
  const seen = new Set<string>();
  for (const { file, data } of items) {
    // The file name is the act's id: two files cannot claim one act.
    if (`${data.id}.json` !== file || seen.has(data.id)) {
      problems.push({ file, field: 'id', reason: 'idDoesNotMatchFile' });
      continue;
    }
    seen.add(data.id);
    regulations.push(data);
  }
  problems.sort((a, b) => a.file.localeCompare(b.file));
  return { regulations, problems };
}
