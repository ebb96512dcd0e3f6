import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tempDir';
import { Catalog } from './catalog';
import { loadRegulations } from './loadRegulations';

const REAL = join(__dirname, '../../../resources/regulations');
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
  mkdirSync(join(dir.path, 'regulations'));
  copyFileSync(join(REAL, 's1-aktobe-285.json'), join(dir.path, 'regulations', 's1-aktobe-285.json'));
  copyFileSync(join(REAL, 's5-aktobe-33.json'), join(dir.path, 'regulations', 's5-aktobe-33.json'));
});
afterEach(() => dir.remove());

const folder = () => join(dir.path, 'regulations');
function damage(file: string, change: (json: Record<string, any>) => void) {
  const path = join(folder(), file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json));
}

describe('a malformed regulation file', () => {
  it('is set aside with its name and the field at fault; the other acts still load', () => {
    damage('s5-aktobe-33.json', (j) => {
      j.channels[0].steps[1].norm = { max: -3, unit: 'minutes' };
    });
    const { regulations, problems } = loadRegulations(folder());
    expect(regulations.map((r) => r.id)).toEqual(['s1-aktobe-285']);
    expect(problems).toEqual([{ file: 's5-aktobe-33.json', field: 'channels.0.steps.1.norm.max', reason: expect.any(String) }]);
    // The catalog offers no service built on the broken file.
    const catalog = new Catalog(regulations, problems);
    expect(catalog.search({ query: '', region: 'aktobe', today: '2026-01-15', training: true }).map((e) => e.regulationId)).toEqual(['s1-aktobe-285']);
  });

  it('names a step that leads nowhere, a file that is not JSON, and an id that is not its file name', () => {
    damage('s1-aktobe-285.json', (j) => {
      j.channels[0].steps[4].ifNo = 'p44';
    });
    writeFileSync(join(folder(), 'broken.json'), '{ "id": ');
    damage('s5-aktobe-33.json', (j) => {
      j.id = 's5-elsewhere';
    });
    const { regulations, problems } = loadRegulations(folder());
    expect(regulations).toEqual([]);
    expect(problems).toEqual([
      { file: 'broken.json', field: '', reason: 'notJson' },
      { file: 's1-aktobe-285.json', field: 'channels.0.steps.4', reason: 'step.unknownTarget' },
      { file: 's5-aktobe-33.json', field: 'id', reason: 'idDoesNotMatchFile' },
    ]);
  });

  it('reports a missing folder instead of failing the start', () => {
    expect(loadRegulations(join(dir.path, 'nowhere'))).toEqual({ regulations: [], problems: [{ file: join(dir.path, 'nowhere'), field: '', reason: 'folderMissing' }] });
  });
});
