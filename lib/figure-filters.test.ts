import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import {
  DEFAULT_FIGURE_TABLE_QUERY,
  NO_FILTERS,
  clampPage,
  describeFigureTable,
  dropUnknownChoices,
  figureOrderBy,
  figureTableHref,
  figureWhere,
  parseFigureTableQuery,
  sortOffered,
  type FigureFilters,
} from "./figure-filters";

describe("parseFigureTableQuery", () => {
  it("reads an empty address as every figure, by date, first page, with nothing to say", () => {
    expect(parseFigureTableQuery({})).toEqual({ query: DEFAULT_FIGURE_TABLE_QUERY, notices: [] });
  });

  it("reads every filter, the sort and the page", () => {
    const { query, notices } = parseFigureTableQuery({
      q: "  Etizolam ",
      kind: "seizure",
      metric: "cocaine",
      geography: "netherlands",
      agency: "nca",
      source: "itv-2020-07-02",
      from: "2021",
      to: "2022-06-08",
      sort: "value",
      dir: "desc",
      page: "2",
    });
    expect(notices).toEqual([]);
    expect(query).toEqual({
      filters: {
        q: "Etizolam",
        kind: "seizure",
        metric: "cocaine",
        geography: "netherlands",
        agency: "nca",
        source: "itv-2020-07-02",
        from: "2021",
        to: "2022-06-08",
      },
      sort: "value",
      dir: "desc",
      page: 2,
    });
  });

  it("treats the empty fields a plain form submits as no filter", () => {
    const { query, notices } = parseFigureTableQuery({ q: "", kind: "", from: " ", page: "" });
    expect(query).toEqual(DEFAULT_FIGURE_TABLE_QUERY);
    expect(notices).toEqual([]);
  });

  it("takes the first of a repeated parameter", () => {
    expect(parseFigureTableQuery({ kind: ["arrest", "seizure"] }).query.filters.kind).toBe("arrest");
  });

  it.each([
    [{ page: "abc" }, /no page “abc”/],
    [{ page: "-3" }, /no page “-3”/],
    [{ page: "0" }, /no page “0”/],
    [{ page: "99999999999" }, /no page/],
    [{ sort: "nope" }, /cannot be sorted by “nope”/],
    [{ dir: "sideways" }, /“sideways” is not a sort order/],
    [{ kind: "murder" }, /no kind of figure called “murder”/],
    [{ from: "2021-13" }, /“2021-13” is not a date/],
    [{ to: "2021-02-30" }, /“2021-02-30” is not a date/],
    [{ source: "<script>" }, /“<script>” is not a source/],
  ])("ignores %j and says so", (params, notice) => {
    const { query, notices } = parseFigureTableQuery(params);
    expect(query).toEqual(DEFAULT_FIGURE_TABLE_QUERY);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(notice);
  });

  it("shortens a very long search and a very long quoted value", () => {
    const { query, notices } = parseFigureTableQuery({ q: "x".repeat(500), sort: "y".repeat(500) });
    expect(query.filters.q).toHaveLength(100);
    expect(notices[0]).toMatch(/shortened/);
    expect(notices[1]!.length).toBeLessThan(100);
  });

  it("swaps a start date that falls after the end date", () => {
    const { query, notices } = parseFigureTableQuery({ from: "2023", to: "2021-06" });
    expect(query.filters).toMatchObject({ from: "2021-06", to: "2023" });
    expect(notices).toEqual(["The start date was after the end date, so the two were swapped."]);
  });

  it("keeps a start within the end period, which is no contradiction", () => {
    const { query, notices } = parseFigureTableQuery({ from: "2021-03", to: "2021" });
    expect(query.filters).toMatchObject({ from: "2021-03", to: "2021" });
    expect(notices).toEqual([]);
  });
});

describe("dropUnknownChoices", () => {
  it("drops a filter on a record that does not exist, and keeps the others", () => {
    const query = { ...DEFAULT_FIGURE_TABLE_QUERY, filters: { ...NO_FILTERS, source: "gone", agency: "nca" } };
    const result = dropUnknownChoices(query, { metric: [], geography: [], agency: ["nca"], source: ["itv"] });
    expect(result.query.filters).toMatchObject({ source: null, agency: "nca" });
    expect(result.notices).toEqual(["No source “gone” is recorded: showing every source."]);
  });
});

describe("clampPage", () => {
  it("shows the last page for a page beyond it", () => {
    const result = clampPage({ ...DEFAULT_FIGURE_TABLE_QUERY, page: 9 }, 119);
    expect(result.query.page).toBe(3);
    expect(result.notices).toEqual(["There is no page 9: showing page 3, the last."]);
  });

  it("keeps page 1 when nothing matches", () => {
    expect(clampPage(DEFAULT_FIGURE_TABLE_QUERY, 0)).toEqual({ query: DEFAULT_FIGURE_TABLE_QUERY, notices: [] });
  });
});

describe("figureTableHref", () => {
  it("leaves the defaults out of the address", () => {
    expect(figureTableHref(DEFAULT_FIGURE_TABLE_QUERY)).toBe("/figures");
  });

  it("gives an address that reads back as the same view", () => {
    const query = {
      filters: { ...NO_FILTERS, q: "cash & cars", kind: "seizure" as const, from: "2021" },
      sort: "value" as const,
      dir: "desc" as const,
      page: 2,
    };
    const href = figureTableHref(query);
    const params = Object.fromEntries(new URL(href, "http://localhost").searchParams);
    expect(parseFigureTableQuery(params)).toEqual({ query, notices: [] });
  });
});

describe("describeFigureTable", () => {
  it("says what the table holds and how it is ordered", () => {
    expect(describeFigureTable(DEFAULT_FIGURE_TABLE_QUERY)).toBe(
      "Every figure, sorted by the date described, oldest first.",
    );
    expect(
      describeFigureTable({
        ...DEFAULT_FIGURE_TABLE_QUERY,
        filters: { ...NO_FILTERS, kind: "seizure" },
        sort: "value",
        dir: "desc",
      }),
    ).toBe("Figures matching the filters, sorted by value within each unit, largest first.");
  });
});

describe("sortOffered", () => {
  it("offers the reverse order on the sorted column and ascending on the others", () => {
    const byValue = { ...DEFAULT_FIGURE_TABLE_QUERY, sort: "value" as const };
    expect(sortOffered(byValue, "value")).toBe("desc");
    expect(sortOffered({ ...byValue, dir: "desc" }, "value")).toBe("asc");
    expect(sortOffered(byValue, "date")).toBe("asc");
  });
});

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
