import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { NO_FILTERS, type FigureFilters } from "./table-query";
import { figureOrderBy, figureWhere } from "./table-where";

describe("the filters and orders, run on the database", () => {
  let database: TestDatabase;
  const DATES = ["2020-07-02", "2021", "2021-03", "2021-03-09", "2021-12-31", "2022", "2022-01-01"];

  beforeAll(async () => {
    database = await createTestDatabase();
    const { prisma } = database;
    await prisma.geography.create({ data: { id: "uk", label: "United Kingdom" } });
    await prisma.metric.createMany({
      data: [
        { id: "cash", label: "Cash seized", kind: "seizure", units: "GBP" },
        { id: "arrested", label: "People arrested", kind: "arrest", units: "people" },
      ],
    });
    await prisma.source.createMany({
      data: [
        { id: "itv", publisher: "ITV News", url: "https://itv.com/news", kind: "press" },
        { id: "nca", publisher: "National Crime Agency", url: "https://nationalcrimeagency.gov.uk", kind: "official" },
      ],
    });
    await prisma.figure.createMany({
      data: DATES.map((asOf, index) => ({
        id: `figure-${asOf}`,
        metricId: index % 2 === 0 ? "cash" : "arrested",
        valueMinor: BigInt(1000 - index),
        unit: index % 2 === 0 ? "GBP" : "people",
        qualifier: "exact",
        geographyId: "uk",
        asOf,
        sourceId: index === 0 ? "itv" : "nca",
        label: index === 3 ? "Etizolam pills (100%)" : "Figure",
        quote: "As reported",
      })),
    });
  });

  afterAll(async () => {
    await database.destroy();
  });

  async function datesMatching(filters: Partial<FigureFilters>): Promise<string[]> {
    const rows = await database.prisma.figure.findMany({
      where: figureWhere({ ...NO_FILTERS, ...filters }),
      orderBy: figureOrderBy("date", "asc"),
      select: { asOf: true },
    });
    return rows.map((row) => row.asOf);
  }

  it("counts a figure dated by year or month as inside a range that overlaps its period", async () => {
    expect(await datesMatching({ from: "2021-01-01", to: "2021-12-31" })).toEqual([
      "2021",
      "2021-03",
      "2021-03-09",
      "2021-12-31",
    ]);
    expect(await datesMatching({ from: "2021-03-05" })).toEqual([
      "2021",
      "2021-03",
      "2021-03-09",
      "2021-12-31",
      "2022",
      "2022-01-01",
    ]);
    expect(await datesMatching({ to: "2021-03" })).toEqual(["2020-07-02", "2021", "2021-03", "2021-03-09"]);
    expect(await datesMatching({ from: "2022", to: "2022" })).toEqual(["2022", "2022-01-01"]);
  });

  it("searches labels, quotes and publishers regardless of case, reading % and _ as text to find around", async () => {
    expect(await datesMatching({ q: "etizolam" })).toEqual(["2021-03-09"]);
    expect(await datesMatching({ q: "itv news" })).toEqual(["2020-07-02"]);
    expect(await datesMatching({ q: "100%)" })).toEqual(["2021-03-09"]);
    expect(await datesMatching({ q: "zz%zz" })).toEqual([]);
    expect(await datesMatching({ q: "etizolam_" })).toEqual(["2021-03-09"]);
    expect(await datesMatching({ q: "%" })).toHaveLength(DATES.length);
  });

  it("filters by kind through the metric", async () => {
    expect(await datesMatching({ kind: "arrest" })).toEqual(["2021", "2021-03-09", "2022"]);
  });

  it("orders values within their unit, and every order completely", async () => {
    const rows = await database.prisma.figure.findMany({
      orderBy: figureOrderBy("value", "asc"),
      select: { unit: true, valueMinor: true },
    });
    expect(rows.map((row) => `${row.unit} ${row.valueMinor}`)).toEqual([
      "GBP 994",
      "GBP 996",
      "GBP 998",
      "GBP 1000",
      "people 995",
      "people 997",
      "people 999",
    ]);
  });
});

describe("sorting by source, run on the database", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { prisma } = database;
    await prisma.geography.create({ data: { id: "uk", label: "United Kingdom" } });
    await prisma.metric.create({ data: { id: "cash", label: "Cash seized", kind: "seizure", units: "GBP" } });
    await prisma.source.createMany({
      data: [
        { id: "undated", publisher: "ITV News", url: "https://itv.com/a", kind: "press" },
        { id: "dated", publisher: "ITV News", url: "https://itv.com/b", kind: "press", publishedOn: "2020-07-02" },
      ],
    });
    await prisma.figure.createMany({
      data: ["undated", "dated"].map((sourceId) => ({
        id: `from-${sourceId}`,
        metricId: "cash",
        valueMinor: 1n,
        unit: "GBP",
        qualifier: "exact",
        geographyId: "uk",
        asOf: "2020",
        sourceId,
        label: "Figure",
        quote: "As reported",
      })),
    });
  });

  afterAll(async () => {
    await database.destroy();
  });

  it("puts a source without a date first going up and last going down, on either database", async () => {
    const order = async (dir: "asc" | "desc") =>
      (await database.prisma.figure.findMany({ orderBy: figureOrderBy("source", dir), select: { id: true } })).map(
        (row) => row.id,
      );
    expect(await order("asc")).toEqual(["from-undated", "from-dated"]);
    expect(await order("desc")).toEqual(["from-dated", "from-undated"]);
  });
});
