import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as chartFileRoute } from "@/app/api/charts/[file]/route";
import { GET as figuresCsvRoute } from "@/app/api/figures.csv/route";
import { GET as figuresJsonRoute } from "@/app/api/figures.json/route";
import { ChartPage } from "@/components/charts/chart-page";
import { checkedDeleteRecord, checkedSaveRecord } from "@/lib/admin/checked.server";
import { dayOf } from "@/lib/as-at/param";
import { forgetReplays } from "@/lib/as-at/read.server";
import { fetchChartPage } from "@/lib/data/chart-page.server";
import { forgetUntilChange } from "@/lib/data/until-change.server";
import { fetchFigureTable } from "@/lib/figures/read.server";
import { clearRenderings } from "@/lib/render/cache";
import { loadDataset } from "@/lib/seed/load.server";
import { seedDatabase } from "@/lib/seed/seed.server";
import { TEST_PROVIDER } from "../support/database";
import { figureForm } from "../support/figure-form";
import { databaseWithEditors } from "../support/signed-in";

// Seeded here, a month ago (lib/seed writes its revisions at the clock's time, and revisions cannot be changed).
const { database, editors } = databaseWithEditors({
  editors: { ed: { email: "ed@example.org", name: "Ed", role: "editor" } },
});

// The data layer reads through the app's one client; here that is this file's own database.
vi.mock("@/lib/db.server", () => ({
  get db() {
    return database.prisma;
  },
}));

const SITE = "http://localhost:3000";
const ARRESTED = "nca-2022-06-09-arrested";
const DAY = 24 * 60 * 60 * 1000;
const today = dayOf(new Date());
// The seed is dated a month ago, so that a day can fall before the record, within it, and after.
const seededOn = dayOf(new Date(Date.now() - 30 * DAY));
const dayBefore = (day: string) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) - DAY));

type FiguresJson = {
  asAt?: { date: string; revision: number; revisedAt: string };
  count: number;
  figures: { id: string; value: string; asReported: string; conflictsWith: string[] }[];
};

const figuresJson = (query = "") => figuresJsonRoute(new Request(`${SITE}/api/figures.json${query}`));
const figuresCsv = (query = "") => figuresCsvRoute(new Request(`${SITE}/api/figures.csv${query}`));
const chartFile = (file: string, query = "") =>
  chartFileRoute(new Request(`${SITE}/api/charts/${file}${query}`), { params: Promise.resolve({ file }) });

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  const answered = await response;
  expect(answered.status).toBe(200);
  return (await answered.json()) as T;
}

const latestRevision = async () =>
  (await database.prisma.revision.findFirstOrThrow({ select: { id: true }, orderBy: { id: "desc" } })).id;

/** What a save or a delete leaves behind: this server's kept answers are cleared, as every save clears them. */
function afterChange() {
  clearRenderings();
  forgetUntilChange();
}

async function editFigure(id: string, changes: Record<string, string>) {
  const saved = await checkedSaveRecord(
    database.prisma,
    editors.ed.token,
    await figureForm(database.prisma, id, changes),
  );
  if (saved.status !== "saved") throw new Error(JSON.stringify(saved));
  afterChange();
  return latestRevision();
}

const state = {} as {
  seeded: number;
  liveAtSeed: FiguresJson;
  chart: string;
  chartAtSeed: unknown;
  edited: number;
  conflicted: { id: string; other: string };
  deleted: number;
  created: { id: string; revision: number };
};

beforeAll(async () => {
  forgetReplays();
  afterChange();
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(`${seededOn}T12:00:00Z`) });
  try {
    await seedDatabase(database.prisma, loadDataset());
  } finally {
    vi.useRealTimers();
  }
  state.seeded = await latestRevision();
  state.liveAtSeed = await json<FiguresJson>(figuresJson());
  // A seeded chart that draws the figure to be corrected.
  for (const slug of ["uk-totals", "justice-funnel", "arrests-by-region", "uk-seizures", "worldwide"]) {
    const drawn = await json<{ figures: { id: string }[] }>(chartFile(`${slug}.json`));
    if (drawn.figures.some((figure) => figure.id === ARRESTED)) {
      state.chart = slug;
      state.chartAtSeed = drawn;
      break;
    }
  }

  state.edited = await editFigure(ARRESTED, { value: "2865" });

  const pair = await database.prisma.figureConflict.findFirstOrThrow({ orderBy: { id: "asc" } });
  state.conflicted = { id: pair.figureId, other: pair.otherFigureId };
  const doomed = await database.prisma.figure.findUniqueOrThrow({ where: { id: pair.figureId } });
  const deleted = await checkedDeleteRecord(database.prisma, editors.ed.token, {
    recordType: "figure",
    id: doomed.id,
    version: String(doomed.version),
    reason: "A duplicate",
  });
  if (deleted.status !== "deleted") throw new Error(JSON.stringify(deleted));
  afterChange();
  state.deleted = await latestRevision();

  const created = await checkedSaveRecord(database.prisma, editors.ed.token, {
    recordType: "figure",
    metricId: "arrested",
    value: "1,234",
    unit: "people",
    qualifier: "more-than",
    geographyId: "uk",
    agencyId: "",
    asOf: "2024-03",
    sourceId: "itv-2020-07-02",
    label: "People arrested (added later)",
    quote: "more than 1,234 people were arrested",
    note: "",
    reason: "",
  });
  if (created.status !== "saved") throw new Error(JSON.stringify(created));
  afterChange();
  state.created = { id: created.recordId, revision: await latestRevision() };
});

const byId = (answer: FiguresJson, id: string) => answer.figures.find((figure) => figure.id === id);

describe("the figures as JSON, as they stood", () => {
  it("replays the seeded record exactly as it was served live then", async () => {
    const replayed = await json<FiguresJson>(figuresJson(`?at=${state.seeded}`));
    expect(replayed.asAt).toMatchObject({ revision: state.seeded, date: seededOn });
    expect({ count: replayed.count, figures: replayed.figures }).toEqual(state.liveAtSeed);
  });

  it("gives each change's old state at the revision before it, and its new state after", async () => {
    const beforeEdit = await json<FiguresJson>(figuresJson(`?at=${state.edited - 1}`));
    expect(byId(beforeEdit, ARRESTED)).toMatchObject({ value: "2864", asReported: "2,864" });
    const afterEdit = await json<FiguresJson>(figuresJson(`?at=${state.edited}`));
    expect(byId(afterEdit, ARRESTED)).toMatchObject({ value: "2865" });

    const beforeDelete = await json<FiguresJson>(figuresJson(`?at=${state.deleted - 1}`));
    expect(byId(beforeDelete, state.conflicted.id)).toBeDefined();
    expect(byId(beforeDelete, state.conflicted.other)?.conflictsWith).toContain(state.conflicted.id);
    const afterDelete = await json<FiguresJson>(figuresJson(`?at=${state.deleted}`));
    expect(byId(afterDelete, state.conflicted.id)).toBeUndefined();
    // The pair went with the figure, as the database's cascade took it.
    expect(byId(afterDelete, state.conflicted.other)?.conflictsWith).not.toContain(state.conflicted.id);
    expect(afterDelete.count).toBe(beforeDelete.count - 1);

    const beforeCreate = await json<FiguresJson>(figuresJson(`?at=${state.created.revision - 1}`));
    expect(byId(beforeCreate, state.created.id)).toBeUndefined();
    const live = await json<FiguresJson>(figuresJson());
    expect(live.asAt).toBeUndefined();
    expect(byId(live, state.created.id)).toBeDefined();
    expect(byId(live, ARRESTED)).toMatchObject({ value: "2865" });
    expect(await json<FiguresJson>(figuresJson(`?at=${state.created.revision}`))).toMatchObject({
      count: live.count,
      figures: live.figures,
    });
  });

  it("takes a day as the end of that day in UTC, and keeps only a day that has ended for good", async () => {
    const seededDay = await figuresJson(`?at=${seededOn}`);
    expect(seededDay.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(((await seededDay.json()) as FiguresJson).asAt).toMatchObject({ date: seededOn, revision: state.seeded });

    const later = dayOf(new Date(Date.parse(`${seededOn}T00:00:00Z`) + 10 * DAY));
    expect((await json<FiguresJson>(figuresJson(`?at=${later}`))).asAt?.revision).toBe(state.seeded);

    const now = await figuresJson(`?at=${today}`);
    expect(now.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60");
    expect(((await now.json()) as FiguresJson).asAt).toMatchObject({ date: today, revision: await latestRevision() });

    const byRevision = await figuresJson(`?at=${state.edited}`);
    expect(byRevision.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("refuses a day before the record, a day to come, a revision not written, and anything else, with a 400 and a sentence", async () => {
    const tomorrow = dayOf(new Date(Date.now() + DAY));
    const refusals = {
      [dayBefore(seededOn)]: `The record began on ${seededOn}`,
      [tomorrow]: `${tomorrow} has not come yet`,
      [String((await latestRevision()) + 1)]: `There is no revision ${(await latestRevision()) + 1} of the record`,
      "2026-02-30": "is neither a day nor a revision number",
      "last%20week": "is neither a day nor a revision number",
      "0": "is neither a day nor a revision number",
    };
    for (const [at, message] of Object.entries(refusals)) {
      for (const route of [figuresJson, figuresCsv, (query: string) => chartFile(`${state.chart}.json`, query)]) {
        const refused = await route(`?at=${at}`);
        expect(refused.status, at).toBe(400);
        expect(refused.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(refused.headers.get("cache-control")).toBe("no-store");
        expect(await refused.text()).toContain(message);
      }
    }
  });
});

describe("the figures as CSV, as they stood", () => {
  it("names the revision in its headers and its file name, and holds the old value", async () => {
    const csv = await figuresCsv(`?at=${seededOn}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("x-record-revision")).toBe(String(state.seeded));
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="venetic-figures-as-at-${seededOn}.csv"`);
    const row = (await csv.text()).split("\n").find((line) => line.startsWith(`${ARRESTED},`));
    expect(row).toContain(",2864,");

    const byRevision = await figuresCsv(`?at=${state.edited}`);
    expect(byRevision.headers.get("content-disposition")).toContain(
      `venetic-figures-as-at-revision-${state.edited}.csv`,
    );
    expect((await byRevision.text()).split("\n").find((line) => line.startsWith(`${ARRESTED},`))).toContain(",2865,");

    const live = await figuresCsv();
    expect(live.headers.get("x-record-revision")).toBeNull();
    expect(live.headers.get("content-disposition")).toBe('attachment; filename="venetic-figures.csv"');
  });
});

describe("a chart's data, as it stood", () => {
  it("draws the chart from the record then, in JSON and CSV", async () => {
    expect(state.chart).toBeDefined();
    const then = await json<{ asAt: { revision: number }; figures: { id: string; value: string }[] }>(
      chartFile(`${state.chart}.json`, `?at=${state.seeded}`),
    );
    expect(then.asAt.revision).toBe(state.seeded);
    const { asAt, ...drawn } = then;
    void asAt;
    expect(drawn).toEqual(state.chartAtSeed);
    expect(then.figures.find((figure) => figure.id === ARRESTED)?.value).toBe("2864");

    const live = await json<{ figures: { id: string; value: string }[] }>(chartFile(`${state.chart}.json`));
    expect(live.figures.find((figure) => figure.id === ARRESTED)?.value).toBe("2865");

    const csv = await chartFile(`${state.chart}.csv`, `?at=${seededOn}`);
    expect(csv.headers.get("x-record-revision")).toBe(String(state.seeded));
    expect(csv.headers.get("content-disposition")).toContain(`venetic-${state.chart}-as-at-${seededOn}.csv`);
    expect((await csv.text()).split("\n").find((line) => line.includes(ARRESTED))).toContain(",2864,");
  });
});

describe("a chart's page, as it stood", () => {
  const page = async (at: string | null) => {
    const found = await fetchChartPage(state.chart, at);
    if (!found.ok) throw new Error(JSON.stringify(found));
    return { view: found.view, html: renderToStaticMarkup(createElement(ChartPage, found.view)) };
  };
  const drawnValue = (view: Awaited<ReturnType<typeof page>>["view"]) =>
    JSON.stringify(view.chart.body).match(new RegExp(`"figureId":"${ARRESTED}"[^}]*?"value":(\\d+)`))?.[1];

  it("draws the chart from the record then, says so, and offers the data files as they stood", async () => {
    const then = await page(String(state.seeded));
    expect(then.view.asAt?.revision).toBe(state.seeded);
    expect(drawnValue(then.view)).toBe("2864");
    expect(then.html).toContain("You are reading the record as it stood just after revision");
    expect(then.html).toContain(`href="/api/charts/${state.chart}.csv?at=${state.seeded}"`);
    expect(then.html).toContain(`href="/api/charts/${state.chart}.json?at=${state.seeded}"`);
    expect(then.html).toContain(`href="/charts/${state.chart}"`);
    // Pinned to the revision shown: the embed code and the citation name it.
    expect(then.view.pinned).toBe(state.seeded);
    expect(then.view.notice).toBeNull();

    const live = await page(null);
    expect(live.view.asAt).toBeNull();
    expect(drawnValue(live.view)).toBe("2865");
    expect(live.html).not.toContain("You are reading the record as it stood");
    expect(live.html).toContain(`href="/api/charts/${state.chart}.csv"`);
    // The choice of a day, a GET form to the chart's own address.
    expect(live.html).toMatch(new RegExp(`<form [^>]*action="/charts/${state.chart}" method="get"`));
    expect(live.html).toContain(`min="${seededOn}"`);
  });

  it("refuses a day before the record, a day to come and a revision not written, saying why", async () => {
    expect(await fetchChartPage(state.chart, dayBefore(seededOn))).toEqual({
      ok: false,
      reason: "no-record-then",
      message: `The record began on ${seededOn}: there is no record as at ${dayBefore(seededOn)}.`,
    });
    expect(await fetchChartPage(state.chart, "2999-01-01")).toMatchObject({
      message: expect.stringContaining("has not come yet"),
    });
    expect(await fetchChartPage(state.chart, "99999")).toMatchObject({
      message: expect.stringContaining("There is no revision 99999"),
    });
    expect(await fetchChartPage("no-such-chart", String(state.seeded))).toEqual({ ok: false, reason: "no-chart" });
  });
});

describe("the figures table, as it stood", () => {
  it("shows the old value with the revision, and says why a bad value shows the live record", async () => {
    const then = await fetchFigureTable({ at: String(state.edited - 1), q: "arrested", sort: "value", dir: "desc" });
    expect(then.asAt?.revision).toBe(state.edited - 1);
    expect(then.notices).toEqual([]);
    expect(then.rows.find((row) => row.id === ARRESTED)?.value).toBe("2864");
    expect(then.rows.some((row) => row.id === state.created.id)).toBe(false);

    const refused = await fetchFigureTable({ at: "soon" });
    expect(refused.asAt).toBeNull();
    expect(refused.query.at).toBeNull();
    expect(refused.notices).toEqual([expect.stringContaining("Showing the live record.")]);

    const early = await fetchFigureTable({ at: dayBefore(seededOn) });
    expect(early.asAt).toBeNull();
    expect(early.notices).toEqual([
      `The record began on ${seededOn}: there is no record as at ${dayBefore(seededOn)}. Showing the live record.`,
    ]);
  });

  it("filters, orders and pages the replayed record as the live table does the database", async () => {
    const latest = String(await latestRevision());
    for (const params of [
      {},
      { sort: "value", dir: "desc" },
      { sort: "agency" },
      { sort: "source", dir: "desc", page: "2" },
      { kind: "seizure", sort: "figure" },
      { q: "cash", from: "2021", to: "2022-06" },
      { geography: "uk", sort: "kind" },
    ]) {
      const live = await fetchFigureTable(params);
      const replayed = await fetchFigureTable({ ...params, at: latest });
      const asked = JSON.stringify(params);
      expect(replayed.total, asked).toBe(live.total);
      // Text is ordered in memory as SQLite orders it (by code point); PostgreSQL orders it by its
      // collation ("cases" before "GBP"), so there only an order by date is the same row for row.
      if (TEST_PROVIDER === "postgresql" && "sort" in params) continue;
      expect(
        replayed.rows.map((row) => row.id),
        asked,
      ).toEqual(live.rows.map((row) => row.id));
      expect(replayed.rows.map((row) => row.conflicts.map((report) => report.figure.id).sort())).toEqual(
        live.rows.map((row) => row.conflicts.map((report) => report.figure.id).sort()),
      );
    }
  });
});

describe("any at", () => {
  it("answers 200 or 400 (a chart's page 200 or 404), never a throw", async () => {
    const latest = await latestRevision();
    const at = fc.oneof(
      fc.string(),
      fc.integer({ min: -5, max: latest + 5 }).map(String),
      fc.date({ min: new Date("2019-01-01"), max: new Date(Date.now() + 400 * DAY), noInvalidDate: true }).map(dayOf),
      fc.constantFrom("", " ", "%", "2026-1-1", "١٢", "9".repeat(30), "2026-11-30T00:00", "1.5"),
    );
    await fc.assert(
      fc.asyncProperty(at, async (value) => {
        const query = `?at=${encodeURIComponent(value)}`;
        for (const response of [await figuresJson(query), await chartFile(`${state.chart}.csv`, query)]) {
          expect([200, 400]).toContain(response.status);
          await response.arrayBuffer();
        }
        // The chart's page: drawn as it stood, or refused with a sentence (its page's 404).
        const chartPage = await fetchChartPage(state.chart, value);
        if (!chartPage.ok) expect(chartPage).toMatchObject({ reason: "no-record-then", message: expect.any(String) });
      }),
      { numRuns: 60 },
    );
  });
});
