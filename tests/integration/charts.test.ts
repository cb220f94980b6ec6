import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  checkedDeleteRecord,
  checkedPreviewChart,
  checkedPublishChart,
  checkedRevert,
  checkedSaveRecord,
} from "@/lib/admin/checked.server";
import { chartCsv, chartJson } from "@/lib/charts/export";
import { fetchChart, fetchDashboardCharts, fetchLatestRevision } from "@/lib/data/charts.server";
import { oembedResponse } from "@/lib/embed/oembed";
import { chartSchema } from "@/lib/records/chart";
import { databaseWithEditors } from "../support/signed-in";

const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: { ed: { email: "ed@example.org", name: "Ed", role: "editor" } },
});

// The data layer reads through the app's one client; here that is this file's own database.
vi.mock("@/lib/db.server", () => ({
  get db() {
    return database.prisma;
  },
}));

/** A chart's form as the browser sends it: a checkbox list repeats its name, once per ticked box. */
function chartForm(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  const values: Record<string, string | string[]> = {
    recordType: "chart",
    title: "Cash seized in the UK, report by report",
    slug: "uk-cash",
    takeaway: "",
    notes: "Each point is one report.",
    type: "timeline",
    metrics: ["cash"],
    areas: ["uk"],
    fromDate: "",
    toDate: "",
    pick: "every",
    groupBy: "metric",
    sort: "date",
    barLabel: "date",
    colors: ["green", "blue"],
    markRulings: "false",
    published: "false",
    dashboardOrder: "",
    reason: "",
    ...fields,
  };
  for (const [name, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  return form;
}

async function saveChart(fields: Record<string, string | string[]>) {
  return checkedSaveRecord(database.prisma, editors.ed.token, chartForm(fields));
}

async function stored(id: string) {
  return database.prisma.chart.findUniqueOrThrow({ where: { id } });
}

describe("a chart an editor makes", () => {
  it("keeps its selection in the order the form sent it, and has no public address until published", async () => {
    const saved = await saveChart({ slug: "uk-cash-draft", metrics: ["cash", "drugs-class-a"] });
    if (saved.status !== "saved") throw new Error(JSON.stringify(saved));
    const chart = await stored(saved.recordId);
    expect(chart.metrics).toBe("cash,drugs-class-a");
    expect(chart.colors).toBe("green,blue");
    expect(await fetchChart("uk-cash-draft")).toBeNull();

    const published = await checkedPublishChart(database.prisma, editors.ed.token, {
      id: saved.recordId,
      version: String(chart.version),
      changeKind: "correction",
      published: "true",
    });
    expect(published.status).toBe("saved");
    const drawn = await fetchChart("uk-cash-draft");
    expect(drawn?.body.type).toBe("timeline");
    if (drawn?.body.type !== "timeline") return;
    expect(drawn.body.series.map((series) => series.label)).toEqual(["Cash seized", "Class A drugs seized"]);
    expect(drawn.body.series[0]!.color).toBe("#009e73");
    expect(drawn.body.series[0]!.points.every((point) => point.metric === "cash")).toBe(true);
    expect(drawn.body.series[0]!.points.map((point) => point.asOf)).toEqual(
      [...drawn.body.series[0]!.points.map((point) => point.asOf)].sort(),
    );

    const history = await database.prisma.revision.findMany({
      where: { recordType: "chart", recordId: saved.recordId },
      orderBy: { id: "asc" },
    });
    expect(history.map((revision) => revision.action)).toEqual(["create", "update"]);
    expect(history[1]!.reason).toBe("Published.");
  });

  it("follows a new report as soon as it is entered: the selection is not a list of figures", async () => {
    const saved = await saveChart({ slug: "uk-cash-follows", published: "true" });
    if (saved.status !== "saved") throw new Error(JSON.stringify(saved));
    const before = await fetchChart("uk-cash-follows");
    const figure = await checkedSaveRecord(database.prisma, editors.ed.token, {
      recordType: "figure",
      metricId: "cash",
      value: "99,000,000",
      unit: "GBP",
      qualifier: "more-than",
      geographyId: "uk",
      agencyId: "nca",
      asOf: "2025-06",
      sourceId: "itv-2020-07-02",
      label: "Cash seized (test)",
      quote: "more than £99 million",
      note: "",
      reason: "",
    });
    expect(figure.status).toBe("saved");
    const after = await fetchChart("uk-cash-follows");
    const points = (chart: typeof after) => (chart?.body.type === "timeline" ? chart.body.series[0]!.points : []);
    expect(points(after)).toHaveLength(points(before).length + 1);
    expect(points(after).at(-1)!.display).toBe("over £99 million");
    if (figure.status === "saved") {
      const deleted = await checkedDeleteRecord(database.prisma, editors.ed.token, {
        recordType: "figure",
        id: figure.recordId,
        version: "1",
        changeKind: "correction",
        reason: "Only for the test",
      });
      expect(deleted.status).toBe("deleted");
      expect(points(await fetchChart("uk-cash-follows"))).toHaveLength(points(before).length);
    }
  });

  it("replays its own definition when pinned, so a pinned embed never changes after the selection is edited", async () => {
    const saved = await saveChart({ slug: "uk-pinned", published: "true", metrics: ["cash"] });
    if (saved.status !== "saved") throw new Error(JSON.stringify(saved));
    const pin = await fetchLatestRevision();
    const again = await checkedSaveRecord(
      database.prisma,
      editors.ed.token,
      chartForm({
        id: saved.recordId,
        slug: "uk-pinned",
        published: "true",
        metrics: ["arrested"],
        version: "1",
        changeKind: "correction",
        reason: "Arrests instead",
      }),
    );
    expect(again.status).toBe("saved");
    const live = await fetchChart("uk-pinned");
    const pinned = await fetchChart("uk-pinned", pin);
    const metrics = (chart: typeof live) =>
      chart?.body.type === "timeline" ? chart.body.series.map((series) => series.key) : [];
    expect(metrics(live)).toEqual(["arrested"]);
    expect(metrics(pinned)).toEqual(["cash"]);
  });

  it("gives an embed pinned before charts were records the chart's first definition", async () => {
    const drawn = await fetchChart("uk-totals", 1);
    expect(drawn?.title).toBe("How the UK totals grew, report by report");
    expect(drawn?.body.type).toBe("timeline");
  });

  it("reverts the chart's own edit from its history", async () => {
    const saved = await saveChart({ slug: "uk-revert", published: "true", title: "First title" });
    if (saved.status !== "saved") throw new Error(JSON.stringify(saved));
    const edit = await checkedSaveRecord(
      database.prisma,
      editors.ed.token,
      chartForm({
        id: saved.recordId,
        slug: "uk-revert",
        published: "true",
        title: "Second title",
        version: "1",
        changeKind: "correction",
        reason: "Retitled",
      }),
    );
    expect(edit.status).toBe("saved");
    const revision = await database.prisma.revision.findFirstOrThrow({
      where: { recordType: "chart", recordId: saved.recordId, action: "update" },
    });
    const reverted = await checkedRevert(database.prisma, editors.ed.token, { revisionId: String(revision.id) });
    expect(reverted.status).toBe("reverted");
    expect((await fetchChart("uk-revert"))?.title).toBe("First title");
  });
});

describe("what a chart's form refuses", () => {
  it.each([
    [{ slug: "UK Cash" }, "slug"],
    [{ slug: "figure" }, "slug"],
    [{ slug: "uk-totals" }, "slug"],
    [{ metrics: ["no-such-metric"] }, "metrics"],
    [{ areas: ["atlantis"] }, "areas"],
    [{ kinds: ["treasure"] }, "kinds"],
    [{ colors: ["magenta"] }, "colors"],
    [{ colors: [] }, "colors"],
    [{ type: "pie" }, "type"],
    [{ dashboardOrder: "0" }, "dashboardOrder"],
    [{ fromDate: "2021-13" }, "fromDate"],
    [{ title: "" }, "title"],
  ])("%j, in %s, saving nothing", async (fields, field) => {
    const count = await database.prisma.chart.count();
    const outcome = await saveChart({ slug: "refused-chart", ...fields });
    expect(outcome.status).toBe("invalid");
    if (outcome.status === "invalid") expect(Object.keys(outcome.fieldErrors)).toContain(field);
    expect(await database.prisma.chart.count()).toBe(count);
  });

  it("keeps the address of a chart that has been published: articles link to it", async () => {
    const seeded = await stored("uk-totals");
    const moved = await checkedSaveRecord(
      database.prisma,
      editors.ed.token,
      chartForm({
        id: "uk-totals",
        slug: "uk-totals-moved",
        version: String(seeded.version),
        changeKind: "update",
        reason: "Moving it",
      }),
    );
    expect(moved).toMatchObject({ status: "invalid", fieldErrors: { slug: [expect.stringContaining("stays")] } });
    expect((await stored("uk-totals")).slug).toBe("uk-totals");
  });

  it("deletes a published chart only when the editor confirms, and names its addresses when asking", async () => {
    const saved = await saveChart({ slug: "uk-to-delete", published: "true" });
    if (saved.status !== "saved") throw new Error(JSON.stringify(saved));
    const form = { recordType: "chart", id: saved.recordId, version: "1", reason: "No longer needed" };
    const refused = await checkedDeleteRecord(database.prisma, editors.ed.token, form);
    expect(refused.status).toBe("refused");
    if (refused.status === "refused") expect(refused.message).toContain("/embed/uk-to-delete");
    const deleted = await checkedDeleteRecord(database.prisma, editors.ed.token, { ...form, confirmDelete: "yes" });
    expect(deleted.status).toBe("deleted");
    expect(await fetchChart("uk-to-delete")).toBeNull();
  });

  it("previews only for a signed-in editor, and saves nothing", async () => {
    const count = await database.prisma.revision.count();
    const preview = await checkedPreviewChart(database.prisma, editors.ed.token, chartForm({ slug: "preview-only" }));
    expect(preview.status).toBe("preview");
    expect((await checkedPreviewChart(database.prisma, undefined, chartForm({}))).status).toBe("refused");
    expect(await database.prisma.revision.count()).toBe(count);
    expect(await database.prisma.chart.findUnique({ where: { slug: "preview-only" } })).toBeNull();
  });

  it("never throws on any form a client sends, and accepts only addresses made of safe characters", () => {
    fc.assert(
      fc.property(
        fc.record({
          slug: fc.string(),
          title: fc.string(),
          metrics: fc.string(),
          colors: fc.string(),
          type: fc.string(),
          dashboardOrder: fc.string(),
        }),
        (values) => {
          const parsed = chartSchema.safeParse(values);
          if (parsed.success) expect(parsed.data.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        },
      ),
    );
  });
});

describe("hostile text in a chart's fields", () => {
  const HOSTILE = `</script><script>alert(1)</script> "quoted" & <b>bold</b> =HYPERLINK("x")`;

  it("is stored as typed and written escaped in the JSON, the CSV and the oEmbed answer", async () => {
    const saved = await saveChart({
      slug: "uk-hostile",
      published: "true",
      title: HOSTILE,
      notes: HOSTILE,
      takeaway: HOSTILE,
    });
    if (saved.status !== "saved") throw new Error(JSON.stringify(saved));
    const chart = await fetchChart("uk-hostile");
    if (!chart) throw new Error("not published");
    expect(chart.title).toBe(HOSTILE);
    expect(JSON.parse(JSON.stringify(chartJson(chart))).title).toBe(HOSTILE);
    // The CSV holds figures, not the title; every cell a spreadsheet would run is defused.
    expect(chartCsv(chart)).not.toMatch(/(^|,)[=+@-]/m);
    const oembed = oembedResponse(chart, { slug: "uk-hostile", revision: null }, "https://venetic.example.org");
    expect(oembed.title).toBe(HOSTILE);
    expect(oembed.html).not.toContain("<script>");
    expect(oembed.html).toContain("&lt;/script&gt;");
  });
});

describe("the dashboard", () => {
  it("shows the published charts the editors placed, in their order", async () => {
    const before = (await fetchDashboardCharts()).map((chart) => chart.slug);
    const saved = await saveChart({ slug: "uk-cash-first", published: "true", dashboardOrder: "1" });
    expect(saved.status).toBe("saved");
    const after = (await fetchDashboardCharts()).map((chart) => chart.slug);
    expect(after[0]).toBe("uk-cash-first");
    expect(after.slice(1).filter((slug) => before.includes(slug))).toEqual(before);
    const draft = await saveChart({ slug: "uk-cash-hidden", published: "false", dashboardOrder: "2" });
    expect(draft.status).toBe("saved");
    expect((await fetchDashboardCharts()).map((chart) => chart.slug)).not.toContain("uk-cash-hidden");
  });
});
