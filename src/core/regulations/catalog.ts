/**
 * The services a counter can offer: the acts in force in its region today, and — shown, not
 * hidden — those it cannot, with the reason the operator gives the applicant. A trainer may
 * open any act that has a counter flow, marked as not in force.
 */
import type { Availability, CatalogEntry } from '../../shared/cases';
import type { Region, Regulation } from '../../shared/regulation';
import type { RegulationProblem } from './loadRegulations';
import { matches, searchableOf, typedWords, type Searchable } from './search';

export interface CatalogQuery {
  query: string;
  region: Region;
  today: string; // YYYY-MM-DD on the branch's calendar
  training: boolean;
}

const hasCounterFlow = (r: Regulation) => r.channels.some((c) => c.kind === 'stateCorporation');

export function availabilityOf(r: Regulation, region: Region, today: string): Availability {
  if (r.region !== region) return 'otherRegion';
  if (r.inForce.from > today) return 'notYetInForce';
  if (r.inForce.to && r.inForce.to < today) return 'repealed';
  if (!hasCounterFlow(r)) return 'noStateCorporationChannel';
  return 'available';
}

// Available first, then the ones to explain; within each, by service code.
const ORDER: Record<Availability, number> = { available: 0, noStateCorporationChannel: 1, notYetInForce: 2, repealed: 3, otherRegion: 4 };

export class Catalog {
  private readonly byId: Map<string, Regulation>;
  private readonly index: { regulation: Regulation; searchable: Searchable }[];
  /** The entries of one day, region and mode, sorted once: a search only filters them. */
  private listing: { key: string; rows: { entry: CatalogEntry; searchable: Searchable }[] } | undefined;

  constructor(
    regulations: readonly Regulation[],
    readonly problems: readonly RegulationProblem[] = [],
  ) {
    this.byId = new Map(regulations.map((r) => [r.id, r]));
    this.index = regulations.map((regulation) => ({ regulation, searchable: searchableOf([regulation.service.title]) }));
  }

  get(id: string): Regulation | undefined {
    return this.byId.get(id);
  }

  all(): Regulation[] {
    return [...this.byId.values()];
  }

  entry(r: Regulation, region: Region, today: string, training: boolean): CatalogEntry {
    const availability = availabilityOf(r, region, today);
    return {
      regulationId: r.id,
      serviceCode: r.service.code,
      title: r.service.title,
      region: r.region,
      act: { authority: r.act.authority, number: r.act.number, date: r.act.date },
      inForce: { from: r.inForce.from, to: r.inForce.to ?? null },
      repealedBy: r.inForce.repealedBy ? { number: r.inForce.repealedBy.number, date: r.inForce.repealedBy.date } : null,
      channels: r.channels.map((c) => c.kind),
      availability,
      openable: availability === 'available' || (training && hasCounterFlow(r)),
    };
  }

  private rows(q: CatalogQuery) {
    const key = `${q.region}|${q.today}|${q.training}`;
    if (this.listing?.key !== key) {
      const rows = this.index
        // A live counter lists its own region's acts; training lists every region's.
        .filter(({ regulation }) => q.training || regulation.region === q.region)
        .map(({ regulation, searchable }) => ({ entry: this.entry(regulation, q.region, q.today, q.training), searchable }))
        .sort(
          (a, b) =>
            ORDER[a.entry.availability] - ORDER[b.entry.availability] ||
            a.entry.serviceCode.localeCompare(b.entry.serviceCode) ||
            a.entry.regulationId.localeCompare(b.entry.regulationId),
        );
      this.listing = { key, rows };
    }
    return this.listing.rows;
  }

  search(q: CatalogQuery): CatalogEntry[] {
    const typed = typedWords(q.query);
    return this.rows(q)
      .filter((row) => matches(row.searchable, typed))
      .map((row) => row.entry);
  }

  /** Whether a case may be opened under this act here and now. */
  canOpen(id: string, region: Region, today: string, training: boolean): boolean {
    const r = this.byId.get(id);
    return Boolean(r && this.entry(r, region, today, training).openable);
  }
}
