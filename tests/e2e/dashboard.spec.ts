import { expect, test, type Page } from "@playwright/test";
import { openE2eDatabase, revalidate } from "./support/database";
import { expectNoAxeViolations, expectNoHorizontalOverflow } from "./support/a11y";

const prisma = openE2eDatabase();
const CHART_SLUGS = ["uk-totals", "justice-funnel", "uk-seizures", "arrests-by-region", "worldwide"];
const grouped = (value: bigint) => Number(value).toLocaleString("en-GB");

test.afterAll(async () => {
  await prisma.$disconnect();
});

/** The latest UK figure of a metric, straight from the database (dates sort as text). */
async function latestUk(metric: string) {
  const figures = await prisma.figure.findMany({
    where: { geographyId: "uk", metricId: metric },
    include: { source: true },
    orderBy: { asOf: "desc" },
  });
  return figures[0]!;
}

/** A headline figure (charts also tag their marks with the figure they draw). */
function headline(page: Page, figureId: string) {
  return page.locator(`dl [data-figure-id="${figureId}"]`);
}

test("the overview shows the latest UK figures with their qualifier, date and source", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Operation Venetic");
  for (const metric of ["arrested", "charged"]) {
    const figure = await latestUk(metric);
    const shown = headline(page, figure.id);
    await expect(shown).toContainText(grouped(figure.valueMinor));
    await expect(shown.getByRole("link", { name: new RegExp(figure.source.publisher) })).toHaveAttribute(
      "href",
      figure.source.url,
    );
  }
  const cash = await latestUk("cash");
  await expect(headline(page, cash.id)).toContainText("£76.9 million");
  await expect(headline(page, cash.id)).toContainText("8 June 2022");

  // A qualifier is never dropped: the founding article's "over 200 threats to life".
  const threats = await prisma.figure.findUniqueOrThrow({ where: { id: "itv-2020-07-02-threats-to-life-mitigated" } });
  expect(threats.qualifier).toBe("more-than");
  await expect(headline(page, threats.id)).toContainText(`over ${grouped(threats.valueMinor)}`);
});

test("the overview says how arrests grew since the first announcement", async ({ page }) => {
  const arrests = await prisma.figure.findMany({
    where: { geographyId: "uk", metricId: "arrested" },
    orderBy: { asOf: "asc" },
  });
  await page.goto("/");
  const growth = page.getByTestId("arrest-growth");
  await expect(growth).toContainText(`from ${grouped(arrests[0]!.valueMinor)} at the first announcement`);
  await expect(growth).toContainText(`to ${grouped(arrests.at(-1)!.valueMinor)}`);
});

test("every chart is real SVG in the HTML the server sends", async ({ request }) => {
  const html = await (await request.get("/")).text();
  expect(html).toContain('<svg id="uk-totals"');
  expect(html).toMatch(/<path[^>]*class="recharts-curve recharts-line-curve"/);
  expect(html).toContain('<svg id="justice-funnel-funnel"');
  for (const slug of CHART_SLUGS) {
    const page = await (await request.get(`/charts/${slug}`)).text();
    expect(page, slug).toMatch(new RegExp(`<svg id="${slug}[^"]*"`));
  }
});

test("charts are visible with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/charts/justice-funnel");
  const svg = page.locator("svg#justice-funnel-funnel");
  await expect(svg).toBeVisible();
  await expect(svg.locator("rect.chart-bar")).toHaveCount(3);
  await context.close();
});

test("a timeline becomes interactive: arrow keys move between reports and show each one's source", async ({ page }) => {
  const first = await prisma.figure.findFirstOrThrow({
    where: { geographyId: "uk", metricId: "arrested" },
    include: { source: true },
    orderBy: { asOf: "asc" },
  });
  await page.goto("/charts/uk-totals");
  // The SVG is there from the start; its keyboard and tooltips once the chart's code has run.
  await expect(page.locator("[data-interactive] svg#uk-totals")).toBeVisible();
  await page.locator("svg#uk-totals").focus();
  const tooltip = page.locator("[data-chart=uk-totals] .chart-tip");
  await expect(tooltip).toContainText(first.source.publisher);
  await page.keyboard.press("ArrowRight");
  await expect(tooltip).not.toContainText(first.source.publisher);
});

test("bar charts can be read bar by bar with the keyboard and the mouse", async ({ page }) => {
  const funnel = await prisma.figure.findMany({
    where: { geographyId: "uk", sourceId: "nca-2022-06-09", metricId: { in: ["arrested", "charged", "convicted"] } },
  });
  const value = (metric: string) => grouped(funnel.find((figure) => figure.metricId === metric)!.valueMinor);
  await page.goto("/charts/justice-funnel");
  const chart = page.getByRole("group", { name: /3 bars. Use the arrow keys/ });
  await expect(chart).toHaveAttribute("data-interactive", "true");
  await chart.focus();
  const readout = page.getByTestId("justice-funnel-funnel-active");
  await expect(readout).toContainText(value("arrested"));
  await expect(readout).toContainText("National Crime Agency");
  await page.keyboard.press("ArrowDown");
  await expect(readout).toContainText(value("charged"));
  await page.keyboard.press("End");
  await expect(readout).toContainText(value("convicted"));
  await page.locator("svg#justice-funnel-funnel rect.chart-bar").nth(1).hover();
  await expect(readout).toContainText(value("charged"));
});

test("a chart page has the chart's data as a table, a description and a CSV download", async ({ page }) => {
  const series = await prisma.figure.findMany({
    where: { geographyId: "uk", metricId: { in: ["arrested", "charged", "convicted"] } },
  });
  await page.goto("/charts/uk-totals");
  const table = page.getByRole("table", { name: /every figure drawn/ });
  await expect(table.locator("tbody tr")).toHaveCount(series.length);
  for (const figure of series) {
    await expect(table).toContainText(grouped(figure.valueMinor));
  }
  await expect(page.getByRole("heading", { name: "What the chart shows" })).toBeVisible();
  await expect(page.locator("#uk-totals-description")).toContainText("Court rulings marked");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the data (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("venetic-uk-totals.csv");
  const csv = (await import("node:fs")).readFileSync((await file.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.replace(/\r\n$/, "").split("\r\n");
  expect(lines[0]).toBe("\uFEFFseries,figure,value,unit,qualifier,as_reported,as_of,source,source_url,figure_id");
  expect(lines).toHaveLength(series.length + 1);
});

test("the chart data is served as JSON to any site", async ({ request }) => {
  const response = await request.get("/api/charts/justice-funnel.json");
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const body = await response.json();
  expect(body.figures.map((figure: { value: string }) => figure.value)).toEqual(["2864", "1571", "383"]);
  expect((await request.get("/api/charts/nope.csv")).status()).toBe(404);
});

test("a change saved to the database shows on the overview and the chart page once revalidated", async ({ page }) => {
  const figure = await latestUk("arrested");
  try {
    await prisma.figure.update({ where: { id: figure.id }, data: { valueMinor: 2999n, version: { increment: 1 } } });
    await revalidate();
    await page.goto("/");
    await expect(headline(page, figure.id)).toContainText("2,999");
    await page.goto("/charts/uk-totals");
    await expect(page.getByRole("table", { name: /every figure drawn/ })).toContainText("2,999");
  } finally {
    await prisma.figure.update({ where: { id: figure.id }, data: { valueMinor: figure.valueMinor } });
    await revalidate();
  }
  await page.goto("/");
  await expect(headline(page, figure.id)).toContainText(grouped(figure.valueMinor));
});

test("pages describe themselves for search engines and link previews", async ({ page }) => {
  await page.goto("/charts/justice-funnel");
  await expect(page).toHaveTitle(/From arrest to conviction in the UK/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    "From arrest to conviction in the UK",
  );
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /2,864 people arrested/);
});

for (const path of ["/", ...CHART_SLUGS.map((slug) => `/charts/${slug}`)]) {
  test(`${path} has no accessibility violations, in light and dark`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoAxeViolations(page);
  });
}

for (const path of ["/", "/charts/uk-totals", "/charts/worldwide"]) {
  test(`${path} fits a 375 px phone without sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    await expectNoHorizontalOverflow(page);
  });
}
