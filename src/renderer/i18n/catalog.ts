/**
 * The three message catalogues. Kazakh is the source of truth: its keys define MessageKey, and
 * Russian and English must have every one of them or this file does not compile.
 */
import type { Locale } from '../../shared/schemas';
import kkBase from './kk.json';
import ruBase from './ru.json';
import enBase from './en.json';
import queueKk from './queue.kk.json';
import queueRu from './queue.ru.json';
import queueEn from './queue.en.json';
import gatewayKk from './gateway.kk.json';
import gatewayRu from './gateway.ru.json';
import gatewayEn from './gateway.en.json';
import scansKk from './scans.kk.json';
import scansRu from './scans.ru.json';
import scansEn from './scans.en.json';
import branchKk from './branch.kk.json';
import branchRu from './branch.ru.json';
import branchEn from './branch.en.json';
import reportsKk from './reports.kk.json';
import reportsRu from './reports.ru.json';
import reportsEn from './reports.en.json';
import trainingKk from './training.kk.json';
import trainingRu from './training.ru.json';
import trainingEn from './training.en.json';
import backupKk from './backup.kk.json';
import backupRu from './backup.ru.json';
import backupEn from './backup.en.json';

// The electronic queue, the e-government gateway, the scans with the operator's signature and the
// link to the branch server, the supervisor's reports, the trainer's scenarios and the backups keep their
// sentences in files of their own.
const kk = { ...kkBase, ...queueKk, ...gatewayKk, ...scansKk, ...branchKk, ...reportsKk, ...trainingKk, ...backupKk };
const ru = { ...ruBase, ...queueRu, ...gatewayRu, ...scansRu, ...branchRu, ...reportsRu, ...trainingRu, ...backupRu };
const en = { ...enBase, ...queueEn, ...gatewayEn, ...scansEn, ...branchEn, ...reportsEn, ...trainingEn, ...backupEn };

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
