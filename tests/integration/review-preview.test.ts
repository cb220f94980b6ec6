import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { checkedSaveRecord } from "@/lib/admin/checked.server";
import { fetchChartPage } from "@/lib/data/chart-page.server";
import { fetchDashboardCharts } from "@/lib/data/charts.server";

import { figureAsRecorded } from "@/lib/figures/at-revision";
import { fetchHeadlines } from "@/lib/figures/read.server";
import { fetchRecordAsAt } from "@/lib/as-at/read.server";
import { fetchAgencyGroups } from "@/lib/data/agencies.server";
import { fetchLatestRevision } from "@/lib/data/charts.server";
import { fetchRulings } from "@/lib/data/rulings.server";
import { fetchSources } from "@/lib/data/sources.server";
import { editableRecord } from "@/lib/records/registry";
import { fetchListingRows, listingsOf } from "@/lib/review/preview-listings.server";
import { fetchHeldPreview } from "@/lib/review/preview.server";
import {
  fetchPreviewedChartPage,
  fetchPreviewedFigureRows,
  fetchPreviewedListing,
  fetchPreviewedOverview,
  previewChartEmbed,
  previewFigureCard,
} from "@/lib/review/preview-pages.server";
import { figureForm } from "../support/figure-form";
import { rendererBundle } from "../support/renderer-bundle";
import { databaseWithEditors } from "../support/signed-in";

vi.mock("@/lib/db.server", () => ({
  get db() {
    return database.prisma;
  },
}));
vi.mock("@/lib/review/setting.server", () => ({ reviewBeforePublishing: () => true }));
vi.mock("@/lib/render/renderer.server", () => ({ chartRenderer: () => bundle.current }));

const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: { author: { email: "author@example.org", name: "Author", role: "editor" } },
});
const bundle = rendererBundle("review-preview");

/** The UK arrests total: the overview's headline, the UK totals chart, its embed and its card show it. */
const FIGURE = "nca-2022-06-09-arrested";
const CHART = "uk-totals";
/** A chart of seizures, which the arrests figure is not on. */
const UNTOUCHED_CHART = "uk-seizures";
const DRAFT = "3,456";
const SOURCE = "itv-2020-07-02";
const RULING = "ewca-crim-2021-128";

async function held(outcome: Awaited<ReturnType<typeof checkedSaveRecord>>): Promise<number> {
  if (outcome.status !== "held") throw new Error(`Expected a held change: ${JSON.stringify(outcome)}`);
  return outcome.pendingId;
}

async function heldDraft(): Promise<number> {
  return held(
    await checkedSaveRecord(
      database.prisma,
      editors.author.token,
      await figureForm(database.prisma, FIGURE, { value: "3456" }),
    ),
  );
}

/** A stored record's form as an editor would send it, with `changes` made. */
async function recordForm(recordType: "source" | "ruling", id: string, changes: Record<string, string>) {
  const kind = editableRecord(recordType);
  const stored = await kind.store.find(database.prisma, id);
  if (!stored) throw new Error(`No ${recordType} ${id}.`);
  return {
    recordType,
    id,
    version: String(stored.version),
    ...kind.toFormValues(stored),
    changeKind: "fix",
    reason: "Preview test",
    ...changes,
  };
}

const shows = (value: unknown) => JSON.stringify(value).includes(DRAFT);
const query = (text = "") => new URLSearchParams(text);

describe("the private previews of the public pages a held change touches", () => {
  it("lists each page and embed it touches, with its preview's address under /admin", async () => {
    const id = await heldDraft();
    const preview = await fetchHeldPreview(id);
    expect(preview?.pages.map((page) => [page.publicPath, page.previewPath])).toEqual([
      ["/", `/admin/preview/${id}/dashboard`],
      [`/charts/${CHART}`, `/admin/preview/${id}/charts/${CHART}`],
      [`/charts/justice-funnel`, `/admin/preview/${id}/charts/justice-funnel`],
      [`/embed/${CHART}`, `/admin/preview/${id}/embed/${CHART}`],
      [`/embed/justice-funnel`, `/admin/preview/${id}/embed/justice-funnel`],
      [`/embed/figure/${FIGURE}`, `/admin/preview/${id}/embed/figure/${FIGURE}`],
      ["/figures", `/admin/preview/${id}/figures`],
      // The figure is listed under its source and its agency.
      ["/sources", `/admin/preview/${id}/sources#nca-2022-06-09`],
      ["/agencies", `/admin/preview/${id}/agencies#nca`],
    ]);
  });

  it("the overview shows the draft's value; the public overview does not", async () => {
    const id = await heldDraft();
    const found = await fetchPreviewedOverview(id);
    expect(found?.headlines.main.find((figure) => figure.id === FIGURE)?.display).toBe(DRAFT);
    expect(shows(found?.charts.find((chart) => chart.slug === CHART))).toBe(true);
    // The same charts, in the same order, as the public overview's.
    expect(found?.charts.map((chart) => chart.slug)).toEqual((await fetchDashboardCharts()).map((chart) => chart.slug));
    expect(shows((await fetchHeadlines()).main)).toBe(false);
    expect(shows(await fetchDashboardCharts())).toBe(false);
  });

  it("a chart's page shows the draft's value; the public page does not; a chart it leaves alone has no preview", async () => {
    const id = await heldDraft();
    const found = await fetchPreviewedChartPage(id, CHART);
    expect(shows(found?.view.chart)).toBe(true);
    expect(found?.overviewHref).toBe(`/admin/preview/${id}/dashboard`);
    // The revision the change becomes is not made yet: nothing pinned or cited to the one before it.
    expect(found?.view.pinned).toBeNull();
    expect(found?.view.citation.ok).toBe(false);
    expect(found?.embedHref).toBe(`/admin/preview/${id}/embed/${CHART}`);
    const live = await fetchChartPage(CHART, null);
    expect(live.ok && shows(live.view.chart)).toBe(false);
    expect(await fetchPreviewedChartPage(id, UNTOUCHED_CHART)).toBeNull();
  });

  it("the figure's row shows the draft's value; the public record does not", async () => {
    const id = await heldDraft();
    const found = await fetchPreviewedFigureRows(id);
    expect(found?.rows.map((row) => [row.id, row.display])).toEqual([[FIGURE, DRAFT]]);
    const recorded = await figureAsRecorded(database.prisma, FIGURE, null);
    expect(recorded.ok && recorded.figure.display).not.toBe(DRAFT);
  });

  it("the chart's embed and the figure's card, drawn by the embeds' renderer, show the draft under a banner", async () => {
    const id = await heldDraft();
    const embed = await previewChartEmbed(id, CHART, query());
    expect(embed.status).toBe(200);
    const html = await embed.text();
    expect(html).toContain(`Private preview of held change ${id}: not public.`);
    expect(html).toContain(DRAFT);
    expect(html).toContain(`/admin/preview/${id}/charts/${CHART}`);
    expect(embed.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");

    const card = await previewFigureCard(id, FIGURE, query("theme=dark"));
    expect(card.status).toBe(200);
    const cardHtml = await card.text();
    expect(cardHtml).toContain(DRAFT);
    expect(cardHtml).toContain(`Private preview of held change ${id}: not public.`);

    const { GET: publicCard } = await import("@/app/embed/figure/[id]/route");
    const publicHtml = await (
      await publicCard(new Request(`http://localhost/embed/figure/${FIGURE}`), {
        params: Promise.resolve({ id: FIGURE }),
      })
    ).text();
    expect(publicHtml).not.toContain(DRAFT);
    expect(publicHtml).not.toContain("Private preview");
  });

  it("a held correction's previews carry the notice it will give, dated when it goes public; a fix's carry none", async () => {
    const correction = await held(
      await checkedSaveRecord(
        database.prisma,
        editors.author.token,
        await figureForm(database.prisma, FIGURE, {
          value: "3456",
          publishAt: "2027-01-15T09:30",
          publishAtOffset: "0",
        }),
      ),
    );
    const NOTICE = "Corrected on 15 January 2027";
    expect((await fetchPreviewedChartPage(correction, CHART))?.view.notice?.text).toBe(NOTICE);
    expect((await fetchPreviewedFigureRows(correction))?.rows[0]?.corrected).toBe(NOTICE);
    expect(await (await previewFigureCard(correction, FIGURE, query())).text()).toContain(NOTICE);
    expect(await (await previewChartEmbed(correction, CHART, query())).text()).toContain(NOTICE);
    // Not on the public chart, where nothing is corrected yet.
    const live = await fetchChartPage(CHART, null);
    expect(live.ok && live.view.notice).toBeNull();

    const fix = await held(
      await checkedSaveRecord(
        database.prisma,
        editors.author.token,
        await figureForm(database.prisma, FIGURE, { value: "3456", changeKind: "fix" }),
      ),
    );
    expect((await fetchPreviewedChartPage(fix, CHART))?.view.notice).toBeNull();
    expect((await fetchPreviewedFigureRows(fix))?.rows[0]?.corrected).toBeNull();
  });

  it("the sources, agencies and rulings pages, with nothing held, are the public pages' own", async () => {
    const [rows, latest] = await Promise.all([fetchListingRows(), fetchLatestRevision()]);
    const listings = listingsOf(rows, await fetchRecordAsAt(latest), []);
    expect(listings.sources).toEqual(await fetchSources());
    expect(listings.agencies).toEqual(await fetchAgencyGroups());
    expect(listings.rulings).toEqual(await fetchRulings());
  });

  it("the sources, agencies and rulings pages show a held change to a source and a ruling; the public pages do not", async () => {
    const source = await held(
      await checkedSaveRecord(
        database.prisma,
        editors.author.token,
        await recordForm("source", SOURCE, { note: "A note only the draft has" }),
      ),
    );
    const sources = await fetchPreviewedListing(source, "sources");
    expect(sources?.listings.sources.find((entry) => entry.id === SOURCE)?.note).toBe("A note only the draft has");
    expect(JSON.stringify(await fetchSources())).not.toContain("A note only the draft has");
    // A source's note is on its own entry only.
    expect(await fetchPreviewedListing(source, "rulings")).toBeNull();

    const ruling = await held(
      await checkedSaveRecord(
        database.prisma,
        editors.author.token,
        await recordForm("ruling", RULING, { outcome: "An outcome only the draft has" }),
      ),
    );
    const rulings = await fetchPreviewedListing(ruling, "rulings");
    expect(rulings?.listings.rulings.find((entry) => entry.id === RULING)?.outcome).toBe(
      "An outcome only the draft has",
    );
    expect(JSON.stringify(await fetchRulings())).not.toContain("An outcome only the draft has");
    const pages = (await fetchHeldPreview(ruling))?.pages.map((page) => page.publicPath);
    expect(pages).toEqual(expect.arrayContaining(["/rulings", "/sources"]));
  });

  it("a held change that is not there, or an embed it does not touch, is a 404 that says so, never a 500", async () => {
    const id = await heldDraft();
    for (const response of [
      await previewChartEmbed(id, UNTOUCHED_CHART, query()),
      await previewChartEmbed(999_999, CHART, query()),
      await previewFigureCard(id, "itv-2020-07-02-cash", query()),
      await previewFigureCard(id, "not a figure", query()),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/no held change with this number, or it does not change this embed/);
    }
    expect((await previewChartEmbed(id, CHART, query("v=3"))).status).toBe(400);
    expect((await previewChartEmbed(id, CHART, query("theme=sepia"))).status).toBe(400);
    expect(await fetchPreviewedOverview(999_999)).toBeNull();
    expect(await fetchPreviewedFigureRows(-1)).toBeNull();
  });

  it("any address under a preview is answered with the embed, or a 400 or 404 that says why, never a 500", async () => {
    const id = await heldDraft();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(id), fc.integer(), fc.double()),
        fc.oneof(fc.constant(CHART), fc.constant(FIGURE), fc.string()),
        fc.string(),
        async (asked, name, search) => {
          for (const response of [
            await previewChartEmbed(asked, name, new URLSearchParams(search)),
            await previewFigureCard(asked, name, new URLSearchParams(search)),
          ]) {
            expect([200, 400, 404]).toContain(response.status);
            if (response.status !== 200) expect((await response.text()).length).toBeGreaterThan(20);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
