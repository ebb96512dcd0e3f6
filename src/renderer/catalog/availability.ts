/**
 * What the operator tells the applicant about a service this counter cannot open today: not at
 * the State Corporation (go to the provider or the portal), repealed (by which act), not yet in
 * force, another region's act.
 */
import type { CatalogEntry } from '../../shared/cases';
import type { MessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/localeStore';
import { formatIsoDate } from '../ui/format';

const ELSEWHERE = ['provider', 'ruralAkim', 'portal'] as const;

/**
 * What to tell the applicant, most fundamental first: an act repealed is said to be so even when
 * it is also another region's (a trainer sees both).
 */
export function availabilitySentences(t: Translate, entry: CatalogEntry): string[] {
  const main = availabilitySentence(t, entry);
  const repealed = entry.availability !== 'repealed' && entry.repealedBy ? availabilitySentence(t, { ...entry, availability: 'repealed' }) : null;
  return [repealed, main].filter((s): s is string => s !== null);
}

/** The sentence for the applicant, or null when the service is offered here. */
export function availabilitySentence(t: Translate, entry: CatalogEntry): string | null {
  switch (entry.availability) {
    case 'available':
      return null;
    case 'noStateCorporationChannel': {
      const where = ELSEWHERE.filter((kind) => entry.channels.includes(kind)).map((kind) => t(`catalog.where.${kind}` as MessageKey));
      return t('catalog.say.noStateCorporationChannel', { where: where.join(t('catalog.where.or')) || t('catalog.where.provider') });
    }
    case 'repealed':
      return entry.repealedBy
        ? t('catalog.say.repealed', { number: entry.repealedBy.number, date: formatIsoDate(t, entry.repealedBy.date) })
        : t('catalog.say.expired', { date: formatIsoDate(t, entry.inForce.to ?? entry.inForce.from) });
    case 'notYetInForce':
      return t('catalog.say.notYetInForce', { date: formatIsoDate(t, entry.inForce.from) });
    case 'otherRegion':
      return t('catalog.say.otherRegion', { region: t(`region.${entry.region}`) });
  }
}

/** Training opens acts a live counter cannot: they are history, and marked so. */
export function isHistoricalEntry(entry: CatalogEntry): boolean {
  return entry.openable && entry.availability !== 'available';
}
