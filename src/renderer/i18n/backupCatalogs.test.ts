import { describe, expect, it } from 'vitest';
import { BackupProblem, BackupRunProblem } from '../../shared/backup';
import { LOCALES } from '../../shared/schemas';
import backupEn from './backup.en.json';
import backupKk from './backup.kk.json';
import backupRu from './backup.ru.json';
import branchKk from './branch.kk.json';
import { catalogs } from './catalog';
import gatewayKk from './gateway.kk.json';
import kk from './kk.json';
import queueKk from './queue.kk.json';
import reportsKk from './reports.kk.json';
import scansKk from './scans.kk.json';
import trainingKk from './training.kk.json';

// The backups' sentences live in files of their own (backup.*.json), merged in catalog.ts.
describe('the backup catalogues', () => {
  it('do not silently replace a sentence of the other catalogues', () => {
    const others = { ...kk, ...queueKk, ...gatewayKk, ...scansKk, ...branchKk, ...reportsKk, ...trainingKk };
    expect(Object.keys(backupKk).filter((key) => key in others)).toEqual([]);
  });

  it('have the same keys in the three languages', () => {
    expect(Object.keys(backupRu).sort()).toEqual(Object.keys(backupKk).sort());
    expect(Object.keys(backupEn).sort()).toEqual(Object.keys(backupKk).sort());
  });

  it.each(LOCALES)('%s says what went wrong with every backup and what to do, and names every verdict and refusal', (locale) => {
    const catalog: Record<string, string> = catalogs[locale];
    for (const problem of BackupRunProblem.options) expect(catalog[`backup.problem.${problem}`], problem).toMatch(/\S/);
    for (const problem of BackupProblem.options) expect(catalog[`backup.verdict.${problem}`], problem).toMatch(/\S/);
    for (const reason of ['folderMissing', 'folderInsideData', 'folderNotEmpty', 'folderNotAbsolute', 'noDestination']) expect(catalog[`reason.backup.${reason}`], reason).toMatch(/\S/);
    for (const action of ['created', 'failed', 'verified', 'scheduled', 'recoverySet']) expect(catalog[`audit.action.backup.${action}`], action).toMatch(/\S/);
  });
});
