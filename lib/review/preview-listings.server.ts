import type { RecordAsAt, ReplayedRevision } from "@/lib/as-at/replay";
import { agencyEntrySelect, agencyGroups, fetchAgencyKinds, type AgencyGroup } from "@/lib/data/agencies.server";
import { rulingColumnsSelect, toRulingView, type RulingView } from "@/lib/data/rulings.server";
import { sourceEntry, sourceEntrySelect, type SourceEntry } from "@/lib/data/sources.server";
import { agencyOrder, entryFigureOrder, rulingOrder, sourceOrder } from "@/lib/data/order";
import { db } from "@/lib/db.server";
import type { FigureView, SourceSummary } from "@/lib/figures/view";

/**
 * The sources, agencies and rulings pages with a held change (decision 0023). Their entries carry
 * more of each record than the replay behind `?at=` keeps (a source's note, an agency's role), so
 * the rows are read as they are and the held change's writes (each a record's columns after it)
 * laid over them; the figures under each entry are the replayed record's. The entries are then
 * made by the public pages' own functions, in the public pages' order (lib/data/order.ts).
 */
export type Listings = { sources: SourceEntry[]; agencies: AgencyGroup[]; rulings: RulingView[] };

/** The rows the three pages are made of, as stored. */
export type ListingRows = Awaited<ReturnType<typeof fetchListingRows>>;

export async function fetchListingRows() {
  const [sources, agencies, rulings, kinds] = await Promise.all([
    db.source.findMany({ select: sourceEntrySelect }),
    db.agency.findMany({ select: agencyEntrySelect }),
    db.ruling.findMany({ select: rulingColumnsSelect }),
    fetchAgencyKinds(),
  ]);
  return { sources, agencies, rulings, kinds };
}

/** The three pages' entries from `rows` with `writes` laid over them, and the figures of `record`. */
export function listingsOf(rows: ListingRows, record: RecordAsAt, writes: ReplayedRevision[]): Listings {
  const sources = overlay(rows.sources, writes, "source", sourceEntrySelect).sort(sourceOrder);
  const summaries = new Map(
    sources.map(({ id, publisher, title, url, publishedOn, kind, copy, copyOf }): [string, SourceSummary] => [
      id,
      { id, publisher, title, url, publishedOn, kind, copy, copyOf },
    ]),
  );
  const rulings = overlay(rows.rulings, writes, "ruling", rulingColumnsSelect)
    .flatMap(({ sourceId, ...ruling }) => {
      const source = summaries.get(sourceId);
      return source ? [toRulingView({ ...ruling, source })] : [];
    })
    .sort(rulingOrder);
  const figures = [...record.figures].sort(entryFigureOrder);
  const agencies = overlay(rows.agencies, writes, "agency", agencyEntrySelect).sort(agencyOrder);
  return {
    sources: sources.map((source) =>
      sourceEntry(
        source,
        figures.filter((figure) => figure.source.id === source.id),
        rulings.filter((ruling) => ruling.source.id === source.id),
      ),
    ),
    agencies: agencyGroups(
      rows.kinds,
      agencies.map((agency) => ({
        agency,
        figures: figures.filter((figure: FigureView) => figure.agency?.id === agency.id),
        rulings: rulings.filter((ruling) => ruling.courtId === agency.id),
      })),
    ),
    rulings,
  };
}

/** The ids of the entries that differ between two listings of one page, in the order of `after`, then those gone. */
export function changedEntries<T extends { id: string }>(before: T[], after: T[]): string[] {
  const was = new Map(before.map((entry) => [entry.id, JSON.stringify(entry)]));
  const is = new Set(after.map((entry) => entry.id));
  return [
    ...after.filter((entry) => was.get(entry.id) !== JSON.stringify(entry)).map((entry) => entry.id),
    ...before.filter((entry) => !is.has(entry.id)).map((entry) => entry.id),
  ];
}

/** Rows with a held change's writes of `recordType` laid over them: each write holds the record's columns after it. */
function overlay<T extends { id: string }>(
  rows: T[],
  writes: ReplayedRevision[],
  recordType: string,
  columns: Record<string, unknown>,
): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const write of writes) {
    if (write.recordType !== recordType) continue;
    if (write.action === "delete" || write.after === null) {
      byId.delete(write.recordId);
      continue;
    }
    const after = JSON.parse(write.after) as Record<string, unknown>;
    const shown = Object.keys(columns).filter((column) => columns[column] === true);
    byId.set(write.recordId, Object.fromEntries(shown.map((column) => [column, after[column] ?? null])) as T);
  }
  return [...byId.values()];
}
