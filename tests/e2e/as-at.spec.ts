import type { APIRequestContext, Page } from "@playwright/test";
import type { Unit } from "@/lib/domain/units";
import type { Qualifier } from "@/lib/domain/vocabulary";
import { figureRowAnchor } from "@/lib/figures/card";
import { formatFigure } from "@/lib/figures/format";
import { openE2eDatabase } from "./support/database";
import { expect, openSession, saveRecordForm, test } from "./support/signed-in";

const prisma = openE2eDatabase();
/** Read by the other specs only in counts and exports, which this spec leaves as it found them. */
const GRENADES = "itv-2020-07-02-grenades";

test.afterAll(async () => {
  await prisma.$disconnect();
});

const latestRevision = async () => (await prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } })).id;

/** The admin's edit form for a figure, with its value changed and saved (any save will do). */
async function saveValue(page: Page, id: string, value: string) {
  await page.goto(`/admin/figures/${id}`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Value", { exact: true }).fill(value);
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await page.getByLabel("Reason for the change").fill("As-at test");
  await saveRecordForm(page, "Save changes");
}

/** A published chart that draws the figure. */
async function chartDrawing(request: APIRequestContext, figureId: string): Promise<string> {
  for (const { slug } of await prisma.chart.findMany({ where: { published: true }, select: { slug: true } })) {
    const drawn = (await (await request.get(`/api/charts/${slug}.json`)).json()) as { figures: { id: string }[] };
    if (drawn.figures.some((one) => one.id === figureId)) return slug;
  }
  throw new Error(`No published chart draws ${figureId}.`);
}

test("after an editor corrects a figure, the record as it stood before shows the old value in the table, the JSON and the CSV; the live record the new", async ({
  signedInPage: editor,
  browser,
  request,
}) => {
  const figure = await prisma.figure.findUniqueOrThrow({ where: { id: GRENADES } });
  test.setTimeout(90_000);
  const shown = (minor: bigint) => formatFigure(minor, figure.unit as Unit, figure.qualifier as Qualifier);
  const corrected = figure.valueMinor + 7n;
  const before = await latestRevision();
  // The figure's own filters put it on the first page.
  const filters = `source=${figure.sourceId}&metric=${figure.metricId}`;
  const reader = await (await browser.newContext()).newPage();
  try {
    await saveValue(editor, GRENADES, corrected.toString());

    await reader.goto(`/figures?${filters}&at=${before}`);
    const banner = reader.getByRole("status").filter({ hasText: "You are reading the record as it stood" });
    await expect(banner).toContainText(`just after revision ${before}`);
    await expect(reader.locator(`#${figureRowAnchor(GRENADES)}`)).toContainText(shown(figure.valueMinor));
    // Sorting keeps the view as it stood.
    await reader.getByRole("link", { name: /^Value/ }).click();
    await expect(reader).toHaveURL(new RegExp(`at=${before}`));
    await expect(reader.locator(`#${figureRowAnchor(GRENADES)}`)).toContainText(shown(figure.valueMinor));
    // The downloads offered are the record as it stood.
    await expect(reader.getByRole("link", { name: "JSON", exact: true })).toHaveAttribute(
      "href",
      `/api/figures.json?at=${before}`,
    );

    const json = await request.get(`/api/figures.json?at=${before}`);
    expect(json.status()).toBe(200);
    const answer = (await json.json()) as { asAt: { revision: number }; figures: { id: string; value: string }[] };
    expect(answer.asAt.revision).toBe(before);
    expect(answer.figures.find((row) => row.id === GRENADES)?.value).toBe(figure.valueMinor.toString());

    const csv = await request.get(`/api/figures.csv?at=${before}`);
    expect(csv.headers()["x-record-revision"]).toBe(String(before));
    expect(csv.headers()["content-disposition"]).toContain(`venetic-figures-as-at-revision-${before}.csv`);
    const row = (await csv.text()).split("\n").find((line) => line.startsWith(`${GRENADES},`));
    expect(row).toContain(`,${figure.valueMinor},`);

    // The chart that draws the figure, as it stood: drawn and tabled from the record then, its data files too.
    const slug = await chartDrawing(request, GRENADES);
    const chartReader = await reader.context().newPage();
    await chartReader.goto(`/charts/${slug}?at=${before}`);
    await expect(chartReader.getByRole("status").filter({ hasText: `just after revision ${before}` })).toBeVisible();
    const drawnValue = (value: bigint) =>
      chartReader
        .getByRole("table")
        .filter({ hasText: "every figure drawn" })
        .getByRole("row")
        .filter({ hasText: "Grenades seized" })
        .getByRole("cell", { name: shown(value), exact: true });
    await expect(drawnValue(figure.valueMinor)).toBeVisible();
    await expect(chartReader.getByRole("link", { name: "JSON", exact: true })).toHaveAttribute(
      "href",
      `/api/charts/${slug}.json?at=${before}`,
    );
    await chartReader.goto(`/charts/${slug}`);
    await expect(drawnValue(corrected)).toBeVisible();
    await chartReader.close();

    const live = (await (await request.get("/api/figures.json")).json()) as {
      figures: { id: string; value: string }[];
    };
    expect(live.figures.find((row) => row.id === GRENADES)?.value).toBe(corrected.toString());
    await banner.getByRole("link", { name: "Read the live record" }).click();
    await expect(reader).not.toHaveURL(/at=/);
    await expect(reader.locator(`#${figureRowAnchor(GRENADES)}`)).toContainText(shown(corrected));
    await expect(reader.getByText("You are reading the record as it stood")).toHaveCount(0);

    // The choice of a day is a plain form: today's record already holds the correction.
    const today = new Date().toISOString().slice(0, 10);
    await reader.getByLabel("The record as at", { exact: true }).fill(today);
    await reader.getByRole("button", { name: "Show", exact: true }).click();
    await expect(reader).toHaveURL(new RegExp(`at=${today}`));
    await expect(reader.getByRole("status").filter({ hasText: `at the end of` })).toBeVisible();
    await expect(reader.locator(`#${figureRowAnchor(GRENADES)}`)).toContainText(shown(corrected));

    // A value the record cannot show is said, and the live record shown.
    await reader.goto(`/figures?${filters}&at=yesterday`);
    await expect(reader.getByRole("status").filter({ hasText: "Showing the live record." })).toBeVisible();
    expect((await request.get("/api/figures.json?at=yesterday")).status()).toBe(400);
  } finally {
    await reader.context().close();
    const context = await browser.newContext();
    await openSession(context);
    const restorer = await context.newPage();
    await saveValue(restorer, GRENADES, figure.valueMinor.toString());
    await context.close();
  }
});

test("a chart as the record stood is chosen by a day, drawn without JavaScript, and refused with the reason", async ({
  page,
  browser,
  request,
}) => {
  const latest = await latestRevision();
  const today = new Date().toISOString().slice(0, 10);
  await page.goto("/charts/justice-funnel");
  await page.getByLabel("The record as at", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/charts/justice-funnel\\?at=${today}$`));
  await expect(page.getByRole("status").filter({ hasText: "record as it stood at the end of" })).toBeVisible();
  await expect(page.getByRole("link", { name: "JSON", exact: true })).toHaveAttribute(
    "href",
    `/api/charts/justice-funnel.json?at=${today}`,
  );
  await page.getByRole("link", { name: "Read the live record" }).click();
  await expect(page).toHaveURL(/\/charts\/justice-funnel$/);
  await expect(page.getByText("You are reading the record as it stood")).toHaveCount(0);

  // Rendered per address, the chart is still in the first HTML, visible with no script to run.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto(`/charts/justice-funnel?at=${latest}`);
  await expect(still.getByRole("status").filter({ hasText: `just after revision ${latest}` })).toBeVisible();
  const bars = still.locator("svg#justice-funnel-funnel");
  await expect(bars).toBeVisible();
  await expect(bars.locator("rect.chart-bar")).toHaveCount(3);
  await context.close();
  // A timeline is SVG in the first HTML too (its Suspense boundary may come after the page, as on
  // the live page: decision 0006).
  expect(await (await request.get(`/charts/uk-totals?at=${latest}`)).text()).toMatch(/<svg id="uk-totals"/);
  const addressed = await request.get("/charts/uk-totals/as-at", { maxRedirects: 0 });
  expect(addressed.status()).toBe(307);
  expect(addressed.headers().location).toMatch(/\/charts\/uk-totals$/);

  for (const [at, why] of [
    ["yesterday", "neither a day nor a revision number"],
    ["%3Cscript%3E", "neither a day nor a revision number"],
    ["2999-01-01", "has not come yet"],
    ["99999999", "There is no revision 99999999"],
  ]) {
    const refused = await request.get(`/charts/justice-funnel?at=${at}`);
    expect(refused.status(), at).toBe(404);
    expect(await refused.text(), at).toContain(why);
  }
  const noChart = await request.get(`/charts/no-such-chart?at=${latest}`);
  expect(noChart.status()).toBe(404);
  expect(await noChart.text()).toContain("There is no published chart at this address.");
});
