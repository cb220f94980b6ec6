import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMinor } from "@/lib/domain/quantity";
import { FOUNDING_SOURCE_ID, type Dataset } from "@/lib/seed/dataset";
import { FOUNDING_ARTICLE_FILE, loadDataset } from "@/lib/seed/load.server";
import { SEED_REASON, seedDatabase, seedIfEmpty } from "@/lib/seed/seed.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

const rawJson = JSON.parse(readFileSync("prisma/data/reported-figures.json", "utf8")) as {
  figures: {
    id: string;
    sourceId: string;
    value: number;
    unit: string;
    qualifier: string;
    asOf: string;
    quote: string;
  }[];
};

let database: TestDatabase;
let dataset: Dataset;

beforeAll(async () => {
  database = await createTestDatabase();
  dataset = loadDataset();
  await seedDatabase(database.prisma, dataset);
});

afterAll(async () => {
  await database.destroy();
});

/** The stored value of a figure as decimal text in its unit, exactly. */
async function storedFigure(id: string) {
  const figure = await database.prisma.figure.findUniqueOrThrow({
    where: { id },
    include: { source: true, metric: true },
  });
  return { ...figure, value: formatMinor(figure.valueMinor, figure.unit as never) };
}

describe("the founding article (ITV News, 2 July 2020)", () => {
  const founding = rawJson.figures.filter((figure) => figure.sourceId === FOUNDING_SOURCE_ID);
  const article = readFileSync(FOUNDING_ARTICLE_FILE, "utf8").replace(/\s+/g, " ");

  it("has all thirteen of its figures in the dataset", () => {
    expect(founding).toHaveLength(13);
  });

  it.each(founding.map((figure) => [figure.id, figure] as const))(
    "%s is stored with the article's value, unit, qualifier, date and source",
    async (id, expected) => {
      const stored = await storedFigure(id);
      expect(stored.value).toBe(String(expected.value));
      expect(stored.unit).toBe(expected.unit);
      expect(stored.qualifier).toBe(expected.qualifier);
      expect(stored.asOf).toBe(expected.asOf);
      expect(stored.source.id).toBe(FOUNDING_SOURCE_ID);
      expect(stored.source.publisher).toBe("ITV News");
      expect(stored.source.publishedOn).toBe("2020-07-02");
      // The supporting words really are the article's.
      expect(article).toContain(stored.quote.replace(/\s+/g, " "));
    },
  );

  it("keeps 'over £54 million' as more than, not as exactly £54 million", async () => {
    const cash = await storedFigure("itv-2020-07-02-cash");
    expect([cash.value, cash.unit, cash.qualifier]).toEqual(["54000000", "GBP", "more-than"]);
    expect(cash.valueMinor).toBe(5_400_000_000n);
  });
});

describe("the whole dataset", () => {
  it("stores every figure with its value, unit, qualifier, date, metric and source", async () => {
    const stored = await database.prisma.figure.findMany({ include: { metric: true } });
    expect(stored).toHaveLength(rawJson.figures.length);
    const byId = new Map(stored.map((figure) => [figure.id, figure]));
    for (const expected of dataset.figures) {
      const figure = byId.get(expected.id);
      expect(figure, expected.id).toBeDefined();
      expect(
        {
          value: formatMinor(figure!.valueMinor, figure!.unit as never),
          unit: figure!.unit,
          qualifier: figure!.qualifier,
          asOf: figure!.asOf,
          sourceId: figure!.sourceId,
          agencyId: figure!.agencyId,
          geography: figure!.geographyId,
          kind: figure!.metric.kind,
        },
        expected.id,
      ).toEqual({
        value: String(expected.value),
        unit: expected.unit,
        qualifier: expected.qualifier,
        asOf: expected.asOf,
        sourceId: expected.sourceId,
        agencyId: expected.agencyId,
        geography: expected.geography,
        kind: expected.kind,
      });
    }
  });

  it("stores every source, agency, ruling and person, and marks mirrors", async () => {
    const { prisma } = database;
    expect(await prisma.source.count()).toBe(dataset.sources.length);
    expect(await prisma.agency.count()).toBe(dataset.agencies.length);
    expect(await prisma.ruling.count()).toBe(dataset.rulings.length);
    expect(await prisma.person.count()).toBe(dataset.people.length);
    const mirrors = await prisma.source.findMany({ where: { copy: "mirror" }, select: { id: true, copyOf: true } });
    expect(mirrors.map((source) => source.id).sort()).toEqual(
      dataset.sources
        .filter((source) => source.copy === "mirror")
        .map((source) => source.id)
        .sort(),
    );
    expect(mirrors.every((source) => source.copyOf)).toBe(true);
  });

  it("records each disagreement once, whichever side the dataset lists it on", async () => {
    const pairs = await database.prisma.figureConflict.findMany();
    const expected = new Set(
      dataset.figures.flatMap((figure) => figure.conflictsWith.map((other) => [figure.id, other].sort().join(" "))),
    );
    expect(pairs.map((pair) => `${pair.figureId} ${pair.otherFigureId}`).sort()).toEqual([...expected].sort());
    expect(
      pairs.some(
        (pair) => pair.figureId === "dutchnews-2020-07-02-cocaine" && pair.otherFigureId === "parool-2020-07-cocaine",
      ),
    ).toBe(true);
  });

  it("writes a revision for every record it adds", async () => {
    const figureRevisions = await database.prisma.revision.count({
      where: { recordType: "figure", action: "create", reason: SEED_REASON, editorId: null },
    });
    expect(figureRevisions).toBe(dataset.figures.length);
  });
});

describe("seeding again", () => {
  async function everything() {
    const { prisma } = database;
    return {
      figures: await prisma.figure.findMany({ orderBy: { id: "asc" } }),
      sources: await prisma.source.findMany({ orderBy: { id: "asc" } }),
      agencies: await prisma.agency.findMany({ orderBy: { id: "asc" } }),
      rulings: await prisma.ruling.findMany({ orderBy: { id: "asc" } }),
      people: await prisma.person.findMany({ orderBy: { id: "asc" } }),
      conflicts: await prisma.figureConflict.findMany({ orderBy: { id: "asc" } }),
      metrics: await prisma.metric.findMany({ orderBy: { id: "asc" } }),
      geographies: await prisma.geography.findMany({ orderBy: { id: "asc" } }),
      revisions: await prisma.revision.count(),
    };
  }

  it("changes nothing", async () => {
    const before = await everything();
    const report = await seedDatabase(database.prisma, dataset);
    expect(Object.values(report).every((count) => count === 0)).toBe(true);
    expect(await everything()).toEqual(before);
  });

  it("never overwrites a figure an editor has corrected", async () => {
    await database.prisma.figure.update({
      where: { id: "itv-2020-07-02-arrested" },
      data: { valueMinor: 747n, version: { increment: 1 } },
    });
    await seedDatabase(database.prisma, dataset);
    const figure = await database.prisma.figure.findUniqueOrThrow({ where: { id: "itv-2020-07-02-arrested" } });
    expect(figure.valueMinor).toBe(747n);
  });
});

describe("two instances starting at once on an empty database", () => {
  it("seed it once between them, and neither fails", { timeout: 60_000 }, async () => {
    const empty = await createTestDatabase();
    try {
      const reports = await Promise.all([seedIfEmpty(empty.url), seedIfEmpty(empty.url)]);
      expect(reports.filter((report) => report !== null && report.figures > 0)).toHaveLength(1);
      expect(await empty.prisma.figure.count()).toBe(dataset.figures.length);
      expect(await empty.prisma.revision.count({ where: { recordType: "figure" } })).toBe(dataset.figures.length);
    } finally {
      await empty.destroy();
    }
  });
});
