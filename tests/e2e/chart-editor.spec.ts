import type { Server } from "node:http";
import { extract } from "@extractus/oembed-extractor";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import Papa from "papaparse";
import { openE2eDatabase, revalidate } from "./support/database";
import { article, HOST_ORIGIN, startHostSite } from "./support/host-page";
import { E2E_BASE_URL } from "./support/server";
import { expect, openSession, saveRecordForm as save, test } from "./support/signed-in";

// Issue #13's "Done when": an editor builds a chart in the admin, and readers, host sites and
// oEmbed clients find it; the chart follows the figures it selects, and its own edits revert.

const prisma = openE2eDatabase();
/** The chart the editor builds; the database is fresh for every run, and afterAll removes it. */
const SLUG = "uk-cash-seized";
const TITLE = "Cash seized in the UK, report by report";
/** The chart made with JavaScript off. */
const PLAIN_SLUG = "e2e-without-javascript";
/** A UK cash report that is neither the first nor the latest: the dashboard's headlines do not show it. */
const EDITED_FIGURE = "essex-news-2021-03-cash";
/** Its seeded value, in pence: "more than £56.8 million". */
const ESSEX_VALUE = 5_680_000_000n;
/** Set to write the README's picture of the editor (docs/images/chart-editor.png). */
const SCREENSHOT = process.env.UPDATE_DOCS_IMAGES === "1";

let host: Server;
const hostPages: Record<string, string> = {};
let editorPath = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  host = await startHostSite(hostPages);
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
  // Whatever happened, leave the seeded record as the other specs read it.
  const seeded = await prisma.figure.findUniqueOrThrow({ where: { id: EDITED_FIGURE } });
  if (seeded.valueMinor !== ESSEX_VALUE) {
    await prisma.figure.update({ where: { id: EDITED_FIGURE }, data: { valueMinor: ESSEX_VALUE } });
  }
  await prisma.chart.deleteMany({ where: { slug: { in: [SLUG, PLAIN_SLUG] } } });
  await prisma.$disconnect();
  await revalidate();
});

/** Every address a chart answers at, oEmbed's included. */
function everyAddress(slug: string): string[] {
  return [
    `/charts/${slug}`,
    `/embed/${slug}`,
    ...["png", "svg", "csv", "json"].map((format) => `/api/charts/${slug}.${format}`),
    `/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/charts/${slug}`)}`,
  ];
}

async function expectEveryAddress(request: APIRequestContext, slug: string, status: number): Promise<void> {
  for (const address of everyAddress(slug)) {
    expect((await request.get(address)).status(), address).toBe(status);
  }
}

/** Prefetches of public pages must finish before a save, as they do for a person (see admin.spec.ts). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
}

function savedMessage(page: Page): Locator {
  return page
    .getByRole("main")
    .getByRole("status")
    .filter({ hasText: /^Saved \(version \d+\)/ });
}

/** The checkbox of one choice in one of the form's lists. */
function choice(page: Page, list: RegExp, option: string | RegExp): Locator {
  return page.getByRole("group", { name: list }).getByRole("checkbox", { name: option });
}

function chartTable(page: Page | Locator, title = TITLE): Locator {
  return page.getByRole("table", { name: `${title}: every figure drawn` });
}

/** The chart's marks on the public page: one per report drawn. */
function marks(page: Page): Locator {
  return page.locator(`svg#${SLUG} [data-figure-id]`);
}

async function ukCashReports() {
  return prisma.figure.findMany({ where: { metricId: "cash", geographyId: "uk" }, orderBy: { asOf: "asc" } });
}

test("an editor builds a chart, previews and publishes it; readers, host sites and oEmbed find it; it follows an edited figure; its own edit reverts", async ({
  signedInPage: page,
  request,
}) => {
  test.setTimeout(240_000);
  const reports = await ukCashReports();
  expect(reports.length).toBeGreaterThan(2);

  // Build it: cash seized in the UK, every report, by date.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/charts/new");
  await expect(page.getByRole("heading", { level: 1, name: "New chart" })).toBeVisible();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Address", { exact: true }).fill(SLUG);
  await page.getByLabel("Kind of chart").selectOption("timeline");
  await choice(page, /^Metrics/, /^Cash seized/).check();
  await choice(page, /^Areas/, "United Kingdom").check();
  await page.getByLabel("Which reports").selectOption("every");

  // The preview draws it before anything is saved: at both widths, with its description and table.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(chartTable(preview).locator("tbody tr")).toHaveCount(reports.length);
  await expect(preview.getByTestId("preview-desktop").locator("svg [data-figure-id]")).toHaveCount(reports.length);
  await expect(preview.getByTestId("preview-phone").locator("svg [data-figure-id]")).toHaveCount(reports.length);
  await expect(preview.getByTestId("preview-description")).toContainText("Cash seized");
  expect(await prisma.chart.count({ where: { slug: SLUG } })).toBe(0);

  await save(page, "Create");
  editorPath = new URL(page.url()).pathname;
  const publishing = page.getByRole("region", { name: "Draft: only editors can see it" });
  await expect(publishing).toContainText(`/charts/${SLUG}`);

  // A draft has no public address at all.
  await expectEveryAddress(request, SLUG, 404);

  await settle(page);
  await publishing.getByRole("button", { name: "Publish" }).click();
  await expect(savedMessage(page)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Published" }).getByRole("link", { name: `/charts/${SLUG}`, exact: true }),
  ).toBeVisible();
  // After the save the preview draws the chart again, once it is on screen, as the editor scrolls to it.
  const previewMarks = (width: "desktop" | "phone") =>
    page.getByTestId(`preview-${width}`).locator("svg [data-figure-id]");
  await page
    .getByRole("heading", { name: "Preview" })
    .evaluate((heading) => window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 260));
  await expect(previewMarks("desktop")).toHaveCount(reports.length);
  await expect(previewMarks("phone")).toHaveCount(reports.length);
  if (SCREENSHOT) {
    // The README's picture: the end of the form, and the preview under it.
    await settle(page);
    await page.screenshot({ path: "docs/images/chart-editor.png", animations: "disabled" });
  }

  // The embed code the editor is given, pasted into an article on another site, sizes itself.
  await page.getByText("Embed this chart").click();
  const code = await page.getByLabel("Code to paste into your article").inputValue();
  expect(code).toContain(`src="${E2E_BASE_URL}/embed/${SLUG}"`);
  hostPages["/article"] = article(code);

  // Readers find it on its page.
  await page.goto(`/charts/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(chartTable(page).locator("tbody tr")).toHaveCount(reports.length);
  await expect(marks(page)).toHaveCount(reports.length);

  await page.goto(`${HOST_ORIGIN}/article`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(frame.locator(`svg#${SLUG} [data-figure-id]`)).toHaveCount(reports.length);
  await expectSizedToContent(page);

  // oEmbed, found the way a client finds it: by the page's discovery link.
  const oembed = await extract(`${E2E_BASE_URL}/charts/${SLUG}`, { maxwidth: 500 });
  expect(oembed).toMatchObject({ type: "rich", title: TITLE, method: "auto-discovery", width: 500 });
  expect(String(oembed.html)).toContain(`src="${E2E_BASE_URL}/embed/${SLUG}"`);
  expect(oembed.thumbnail_url).toBe(`${E2E_BASE_URL}/api/charts/${SLUG}.png`);

  // As PNG and CSV.
  const png = await request.get(`/api/charts/${SLUG}.png`);
  expect(png.headers()["content-type"]).toBe("image/png");
  const bytes = await png.body();
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
  const rows = await chartCsv(request);
  expect(rows.map((row) => row.figure_id).sort()).toEqual(reports.map((report) => report.id).sort());
  expect(rows.find((row) => row.figure_id === EDITED_FIGURE)?.value).toBe("56800000");

  // An editor corrects a figure the chart shows; the chart follows, everywhere.
  await page.goto(`/admin/figures/${EDITED_FIGURE}`);
  const value = page.getByLabel("Value");
  const seededValue = await value.inputValue();
  await value.fill("58400000");
  await page.getByLabel("Reason for the change").fill("E2E: a corrected total");
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await save(page, "Save changes");
  await page.goto(`/charts/${SLUG}`);
  await expect(chartTable(page).getByRole("row", { name: /£58\.4 million/ })).toBeVisible();
  expect((await chartCsv(request)).find((row) => row.figure_id === EDITED_FIGURE)?.value).toBe("58400000");
  await page.goto(`${HOST_ORIGIN}/article`);
  await frame.getByText("Show the data").click();
  await expect(frame.getByRole("table")).toContainText("£58.4 million");
  await page.goto(`/admin/figures/${EDITED_FIGURE}`);
  await page.getByLabel("Value").fill(seededValue);
  await page.getByLabel("Reason for the change").fill("E2E: the seeded value back");
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await save(page, "Save changes");
  expect((await prisma.figure.findUniqueOrThrow({ where: { id: EDITED_FIGURE } })).valueMinor).toBe(ESSEX_VALUE);

  // The chart's own edit: only the latest report. An embed pinned before it keeps every report.
  const pinnedAt = (await prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
  await page.goto(editorPath);
  await page.getByLabel("Which reports").selectOption("latest-per-metric");
  await expect(chartTable(page.getByRole("region", { name: "Preview" })).locator("tbody tr")).toHaveCount(1);
  await page.getByTestId("preview-desktop").scrollIntoViewIfNeeded();
  await expect(previewMarks("desktop")).toHaveCount(1);
  await page.getByLabel("Reason for the change").fill("E2E: only the latest");
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await save(page, "Save changes");
  await page.goto(`/charts/${SLUG}`);
  await expect(marks(page)).toHaveCount(1);
  await page.goto(`/embed/${SLUG}?v=${pinnedAt}`);
  await expect(page.locator(`svg#${SLUG} [data-figure-id]`)).toHaveCount(reports.length);

  // Reverted from the history, the chart draws every report again.
  const chartId = decodeURIComponent(editorPath.split("/").pop() ?? "");
  await page.goto(`/admin/history?recordType=chart&recordId=${encodeURIComponent(chartId)}`);
  const edit = page
    .getByRole("list", { name: "Changes" })
    .getByRole("listitem")
    .filter({ hasText: "Reason: E2E: only the latest" });
  await expect(edit.getByRole("row", { name: /^Which reports/ })).toContainText("latest-per-metric");
  await settle(page);
  await edit.getByRole("button", { name: /^Revert change/ }).click();
  await expect(edit.getByRole("status")).toHaveText("The chart's earlier values are back.");
  await page.goto(`/charts/${SLUG}`);
  await expect(marks(page)).toHaveCount(reports.length);
  expect((await prisma.chart.findUniqueOrThrow({ where: { slug: SLUG } })).pick).toBe("every");
});

test("the dashboard shows the charts in the editors' order, and a chart given a place joins them", async ({
  signedInPage: page,
}) => {
  test.setTimeout(90_000);
  const chartTitles = (at: Page) => at.getByRole("main").locator("section h2[id$='-title']").allTextContents();
  const dashboard = async () =>
    (
      await prisma.chart.findMany({
        where: { published: true, dashboardOrder: { not: null } },
        orderBy: [{ dashboardOrder: "asc" }, { title: "asc" }],
      })
    ).map((chart) => chart.title);

  const seeded = await dashboard();
  expect(seeded).toHaveLength(5);
  await page.goto("/");
  expect((await chartTitles(page)).filter((title) => seeded.includes(title) || title === TITLE)).toEqual(seeded);

  await page.goto(editorPath);
  await page.getByLabel("Place on the dashboard").fill("6");
  await page.getByLabel("Reason for the change").fill("E2E: on the dashboard");
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await save(page, "Save changes");
  await page.goto("/");
  expect((await chartTitles(page)).filter((title) => seeded.includes(title) || title === TITLE)).toEqual([
    ...seeded,
    TITLE,
  ]);
  await expect(page.getByRole("region", { name: TITLE }).locator(`svg#${SLUG}`)).toBeVisible();

  // Off the dashboard again: the other specs count five charts there.
  await page.goto(editorPath);
  await page.getByLabel("Place on the dashboard").fill("");
  await page.getByLabel("Reason for the change").fill("E2E: off the dashboard");
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await save(page, "Save changes");
  await page.goto("/");
  await expect(page.getByRole("region", { name: TITLE })).toHaveCount(0);
  expect(await dashboard()).toEqual(seeded);
});

test("deleting a published chart asks for a tick that says what it ends; then every address is gone", async ({
  signedInPage: page,
  request,
}) => {
  await expectEveryAddress(request, SLUG, 200);
  await page.goto(editorPath);
  await page.getByLabel("Reason for deleting").fill("E2E: test over");
  const tick = page.getByRole("checkbox", { name: /It has been published/ });
  await expect(page.getByText(new RegExp(`/embed/${SLUG}, .*will answer "not found"`))).toBeVisible();

  // The browser asks for the tick first...
  await settle(page);
  await page.getByRole("button", { name: "Delete chart" }).click();
  expect(await tick.evaluate((box: HTMLInputElement) => box.validity.valueMissing)).toBe(true);
  await expect(page).toHaveURL(new RegExp(`${editorPath}$`));
  // ...and the server refuses a form sent without it all the same.
  await tick.evaluate((box: HTMLInputElement) => (box.required = false));
  await page.getByRole("button", { name: "Delete chart" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Tick the box to confirm");
  await expect(page.getByLabel("Reason for deleting")).toHaveValue("E2E: test over");
  expect(await prisma.chart.count({ where: { slug: SLUG } })).toBe(1);

  await tick.check();
  await settle(page);
  await page.getByRole("button", { name: "Delete chart" }).click();
  await expect(page).toHaveURL(/\/admin\/charts\?deleted=1$/);
  expect(await prisma.chart.count({ where: { slug: SLUG } })).toBe(0);
  await expectEveryAddress(request, SLUG, 404);
});

test("with JavaScript off an editor makes a chart: each ticked box is sent, and the server keeps them in order", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await openSession(context);
  const page = await context.newPage();
  await page.goto("/admin/charts/new");
  await page.getByLabel("Title").fill("Cash and firearms seized in the UK and Scotland");
  await page.getByLabel("Address", { exact: true }).fill(PLAIN_SLUG);
  await page.getByLabel("Kind of chart").selectOption("first-latest");
  await choice(page, /^Metrics/, /^Cash seized/).check();
  await choice(page, /^Metrics/, /^Firearms/).check();
  await choice(page, /^Areas/, "United Kingdom").check();
  await choice(page, /^Areas/, /^Scotland/).check();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(savedMessage(page)).toBeVisible();

  const stored = await prisma.chart.findUniqueOrThrow({ where: { slug: PLAIN_SLUG } });
  expect(stored.metrics.split(",")).toEqual(["cash", "firearms"]);
  expect(stored.areas.split(",")).toHaveLength(2);
  expect(stored.areas.split(",")).toEqual(expect.arrayContaining(["uk", "scotland"]));
  expect(stored.colors).toBe("blue,vermillion,green");
  expect(stored.published).toBe(false);
  // The form opens with the choices ticked, and the server drew the preview without script.
  await expect(choice(page, /^Metrics/, /^Cash seized/)).toBeChecked();
  await expect(choice(page, /^Areas/, /^Scotland/)).toBeChecked();
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("table")).toBeVisible();

  // A draft goes without the tick: no article can have it.
  await expect(page.getByRole("checkbox", { name: /It has been published/ })).toHaveCount(0);
  await page.getByLabel("Reason for deleting").fill("E2E: test over");
  await page.getByRole("button", { name: "Delete chart" }).click();
  await expect(page).toHaveURL(/\/admin\/charts\?deleted=1$/);
  expect(await prisma.chart.count({ where: { slug: PLAIN_SLUG } })).toBe(0);
  await context.close();
});

async function chartCsv(request: APIRequestContext) {
  const text = await (await request.get(`/api/charts/${SLUG}.csv`)).text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** The host page's iframe is as tall as the document in it (see embeds.spec.ts). */
async function expectSizedToContent(page: Page): Promise<void> {
  const frameElement = page.locator("iframe");
  await frameElement.scrollIntoViewIfNeeded();
  await expect
    .poll(async () => {
      const outer = await frameElement.evaluate((element) => element.getBoundingClientRect().height);
      const frame = await (await frameElement.elementHandle())!.contentFrame();
      const inner = await frame!.evaluate(() => document.documentElement.getBoundingClientRect().height);
      return Math.abs(outer - inner);
    })
    .toBeLessThanOrEqual(3);
}
