import { createPrismaClient, type PrismaClient } from "@/lib/db/client.server";
import { isLostRace } from "@/lib/db/errors";
import { toMinor } from "@/lib/domain/quantity";
import { snapshot, type RecordType } from "@/lib/revisions";
import { SEEDED_AGENCY_KINDS } from "./agency-kinds";
import { SEEDED_CHARTS } from "./charts";
import type { Dataset } from "./dataset";
import { loadDataset } from "./load.server";

export const SEED_REASON = "Initial import from reported-figures.json";

export type SeedReport = Record<
  | "geographies"
  | "metrics"
  | "agencyKinds"
  | "sources"
  | "agencies"
  | "figures"
  | "conflicts"
  | "rulings"
  | "people"
  | "charts",
  number
>;

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Adds to the database every record of the dataset that it does not already hold, in one
 * transaction, with a revision for each record added. Records already present are left as they
 * are, even if an editor has changed them since: after seeding, the database is the truth.
 * Running it twice therefore changes nothing.
 */
export async function seedDatabase(prisma: PrismaClient, dataset: Dataset): Promise<SeedReport> {
  return prisma.$transaction(
    async (tx) => {
      const missing = async <T extends { id: string }>(
        rows: T[],
        existing: Promise<{ id: string }[]>,
      ): Promise<T[]> => {
        const have = new Set((await existing).map((row) => row.id));
        return rows.filter((row) => !have.has(row.id));
      };
      const idsOf = { select: { id: true } } as const;

      const geographies = await missing(
        dataset.vocabulary.geography.map(({ value, label }) => ({ id: value, label })),
        tx.geography.findMany(idsOf),
      );
      await tx.geography.createMany({ data: geographies });

      const metrics = await missing(
        dataset.vocabulary.metric.map(({ value, label, kind, units }) => ({
          id: value,
          label,
          kind,
          units: units.join(","),
        })),
        tx.metric.findMany(idsOf),
      );
      await tx.metric.createMany({ data: metrics });

      const agencyKinds = await missing(
        SEEDED_AGENCY_KINDS.map(({ id, label }, index) => ({ id, label, position: index + 1 })),
        tx.agencyKind.findMany(idsOf),
      );
      await tx.agencyKind.createMany({ data: agencyKinds });

      const sources = await missing(dataset.sources, tx.source.findMany(idsOf));
      await tx.source.createMany({ data: sources });

      const agencies = await missing(dataset.agencies, tx.agency.findMany(idsOf));
      await tx.agency.createMany({ data: agencies });

      const figures = (await missing(dataset.figures, tx.figure.findMany(idsOf))).map((figure) => ({
        id: figure.id,
        metricId: figure.metric,
        valueMinor: toMinor(figure.value, figure.unit),
        unit: figure.unit,
        qualifier: figure.qualifier,
        geographyId: figure.geography,
        agencyId: figure.agencyId,
        asOf: figure.asOf,
        sourceId: figure.sourceId,
        label: figure.label,
        quote: figure.quote,
        note: figure.note,
      }));
      await tx.figure.createMany({ data: figures });

      const conflicts = await missingConflicts(tx, dataset);
      await tx.figureConflict.createMany({ data: conflicts });

      const rulings = (await missing(dataset.rulings, tx.ruling.findMany(idsOf))).map(
        ({ case: caseName, ...ruling }) => ({ ...ruling, caseName }),
      );
      await tx.ruling.createMany({ data: rulings });

      const people = await missing(dataset.people, tx.person.findMany(idsOf));
      await tx.person.createMany({ data: people });

      // A seeded chart an editor has deleted stays deleted: its revisions say it was here.
      const chartHistory = await tx.revision.findMany({ where: { recordType: "chart" }, select: { recordId: true } });
      const seenCharts = new Set([...chartHistory.map((revision) => revision.recordId)]);
      const takenSlugs = new Set((await tx.chart.findMany({ select: { slug: true } })).map((chart) => chart.slug));
      const charts = [];
      for (const chart of SEEDED_CHARTS) {
        if (seenCharts.has(chart.id) || takenSlugs.has(chart.slug)) continue;
        charts.push(await tx.chart.create({ data: chart }));
      }

      const created: [RecordType, { id: string }[]][] = [
        ["geography", geographies],
        ["metric", metrics],
        ["agency-kind", agencyKinds],
        ["source", sources],
        ["agency", agencies],
        ["figure", figures],
        ["conflict", conflicts],
        ["ruling", rulings],
        ["person", people],
        ["chart", charts],
      ];
      await tx.revision.createMany({
        data: created.flatMap(([recordType, rows]) =>
          rows.map((row) => ({
            recordType,
            recordId: row.id,
            action: "create",
            after: snapshot(row),
            reason: SEED_REASON,
            // The record as first compiled: each figure reported, not corrected.
            kind: "update",
          })),
        ),
      });

      return {
        geographies: geographies.length,
        metrics: metrics.length,
        agencyKinds: agencyKinds.length,
        sources: sources.length,
        agencies: agencies.length,
        figures: figures.length,
        conflicts: conflicts.length,
        rulings: rulings.length,
        people: people.length,
        charts: charts.length,
      };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

/** Each disagreement once, as an ordered pair, whichever side of it the dataset lists it on. */
async function missingConflicts(tx: Transaction, dataset: Dataset) {
  const existing = await tx.figureConflict.findMany({ select: { figureId: true, otherFigureId: true } });
  const seen = new Set(existing.map((pair) => `${pair.figureId} ${pair.otherFigureId}`));
  const conflicts: { id: string; figureId: string; otherFigureId: string }[] = [];
  for (const figure of dataset.figures) {
    for (const other of figure.conflictsWith) {
      const [figureId, otherFigureId] = [figure.id, other].sort() as [string, string];
      const key = `${figureId} ${otherFigureId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      conflicts.push({ id: `${figureId}--${otherFigureId}`, figureId, otherFigureId });
    }
  }
  return conflicts;
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.source.count()) === 0 && (await prisma.figure.count()) === 0;
}

/**
 * Loads the shipped dataset into a database that has no records yet. Instances started at once
 * on one empty database race to seed it: the seed is one transaction, so the losers' writes are
 * all undone, and they look again, find it seeded, and carry on.
 */
export async function seedIfEmpty(databaseUrl: string): Promise<SeedReport | null> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    for (let attempt = 1; ; attempt++) {
      if (!(await isDatabaseEmpty(prisma))) return null;
      try {
        return await seedDatabase(prisma, loadDataset());
      } catch (error) {
        if (attempt >= 5 || !isLostRace(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  } finally {
    await prisma.$disconnect();
  }
}
