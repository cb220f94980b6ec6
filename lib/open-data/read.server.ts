import { untilChange } from "@/lib/data/until-change.server";
import { db } from "@/lib/db.server";
import type { RecordFacts } from "./facts";

/**
 * What the Dataset JSON-LD and the Data Package say about the record as a whole, read once until
 * the record changes: every search of the figures table carries the JSON-LD, and a crawler walks
 * many of them.
 */
export function fetchRecordFacts(): Promise<RecordFacts> {
  return untilChange("open data: the record's facts", readRecordFacts);
}

async function readRecordFacts(): Promise<RecordFacts> {
  const [first, latest, span, metrics, geographies, reportedAreas, sources] = await Promise.all([
    db.revision.findFirst({ select: { createdAt: true }, orderBy: { id: "asc" } }),
    db.revision.findFirst({ select: { id: true, createdAt: true }, orderBy: { id: "desc" } }),
    db.figure.aggregate({ _min: { asOf: true }, _max: { asOf: true }, _count: { _all: true } }),
    db.metric.findMany({
      select: { id: true, label: true, _count: { select: { figures: true } } },
      orderBy: { label: "asc" },
    }),
    db.geography.findMany({ select: { id: true, label: true }, orderBy: { id: "asc" } }),
    db.figure.groupBy({ by: ["geographyId"], _count: { _all: true } }),
    db.source.findMany({
      select: { publisher: true, title: true, url: true, publishedOn: true },
      orderBy: [{ publishedOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    }),
  ]);
  const reported = new Set(reportedAreas.map((area) => area.geographyId));
  return {
    firstRevisionAt: first?.createdAt ?? null,
    revision: latest?.id ?? 0,
    revisedAt: latest?.createdAt ?? null,
    figureCount: span._count._all,
    // Partial dates sort in time as text (lib/domain/partial-date.ts), so the database's min and max are the span.
    earliestAsOf: span._min.asOf,
    latestAsOf: span._max.asOf,
    metrics: metrics.map(({ id, label, _count }) => ({ id, label, reported: _count.figures > 0 })),
    areas: geographies.map(({ id, label }) => ({ id, label, reported: reported.has(id) })),
    sources,
  };
}
