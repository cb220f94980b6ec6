import { describe, expect, it } from "vitest";
import {
  DEFAULT_FIGURE_TABLE_QUERY,
  NO_FILTERS,
  clampPage,
  dropUnknownChoices,
  figureTableHref,
  parseFigureTableQuery,
  sortOffered,
} from "./table-query";

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
      at: " 2026-11-30 ",
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
      at: "2026-11-30",
    });
  });

  it("takes a revision number as at, and drops anything else with a notice", () => {
    expect(parseFigureTableQuery({ at: "42" }).query.at).toBe("42");
    const { query, notices } = parseFigureTableQuery({ at: "2026-02-30" });
    expect(query.at).toBeNull();
    expect(notices).toEqual([expect.stringContaining("“2026-02-30” is neither a day nor a revision number")]);
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
      at: "2026-11-30",
    };
    const href = figureTableHref(query);
    const params = Object.fromEntries(new URL(href, "http://localhost").searchParams);
    expect(parseFigureTableQuery(params)).toEqual({ query, notices: [] });
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
