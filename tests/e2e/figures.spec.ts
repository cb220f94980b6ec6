import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Unit } from "@/lib/domain/units";
import { FIGURE_KIND_LABELS, type Qualifier } from "@/lib/domain/vocabulary";
import { formatFigure } from "@/lib/figures/format";
import { expectNoAxeViolations, expectNoHorizontalOverflow } from "./support/a11y";
import { openE2eDatabase } from "./support/database";

const prisma = openE2eDatabase();

test.afterAll(async () => {
  await prisma.$disconnect();
});

type StoredFigure = Awaited<ReturnType<typeof storedFigures>>[number];

async function storedFigures() {
  return prisma.figure.findMany({ include: { metric: true, source: true, geography: true } });
}

function display(figure: { valueMinor: bigint; unit: string; qualifier: string }): string {
  return formatFigure(figure.valueMinor, figure.unit as Unit, figure.qualifier as Qualifier);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order a reader expects by default: by the date described, oldest first. */
function byDate(a: StoredFigure, b: StoredFigure): number {
  return compareText(a.asOf, b.asOf) || compareText(a.id, b.id);
}

/** By value within each unit (amounts in different units do not compare), then by date. */
function byValue(direction: 1 | -1) {
  return (a: StoredFigure, b: StoredFigure): number =>
    compareText(a.unit, b.unit) ||
    direction * (a.valueMinor < b.valueMinor ? -1 : a.valueMinor > b.valueMinor ? 1 : 0) ||
    byDate(a, b);
}

/** A figure dated "2022" covers the whole year: it is in any range that overlaps it. */
function overlaps(asOf: string, from: string, to: string): boolean {
  const [year, month, day] = asOf.split("-");
  const lastDay = month ? new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() : 31;
  const start = `${year}-${month ?? "01"}-${day ?? "01"}`;
  const end = `${year}-${month ?? "12"}-${day ?? String(lastDay).padStart(2, "0")}`;
  return start <= to && end >= from;
}

function figureRows(page: Page): Locator {
  return page.locator("tbody tr[data-figure-id]");
}

async function shownIds(page: Page): Promise<string[]> {
  return figureRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-figure-id") ?? ""));
}

test("lists every figure, oldest first, fifty to a page, each with its value, date and source", async ({ page }) => {
  const figures = (await storedFigures()).sort(byDate);
  expect(figures).toHaveLength(119);

  await page.goto("/figures");
  await expect(page.getByRole("heading", { level: 1, name: "All figures" })).toBeVisible();
  await expect(page).toHaveTitle(/All figures/);
  await expect(page.getByText(`Showing 1–50 of ${figures.length} figures`)).toBeVisible();
  expect(await shownIds(page)).toEqual(figures.slice(0, 50).map((figure) => figure.id));

  const first = figures[0]!;
  const row = page.locator(`tr[data-figure-id="${first.id}"]`);
  await expect(row.getByRole("rowheader")).toContainText(first.label);
  await expect(row).toContainText(display(first), { ignoreCase: true });
  await expect(row).toContainText(FIGURE_KIND_LABELS[first.metric.kind as keyof typeof FIGURE_KIND_LABELS]);
  await expect(row).toContainText(first.geography.label);
  await expect(row.locator(`time[datetime="${first.asOf}"]`)).toBeVisible();
  await expect(row.getByRole("link", { name: new RegExp(`^${first.source.publisher}`) })).toHaveAttribute(
    "href",
    first.source.url,
  );
  await expect(page.getByRole("columnheader", { name: /Date described/ })).toHaveAttribute("aria-sort", "ascending");
});

test("pages through the figures with next and previous links that keep the order", async ({ page }) => {
  const figures = (await storedFigures()).sort(byDate);
  await page.goto("/figures");

  await page.getByRole("link", { name: /Next page/ }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(page.getByText(`Showing 51–100 of ${figures.length} figures`)).toBeVisible();
  expect(await shownIds(page)).toEqual(figures.slice(50, 100).map((figure) => figure.id));

  await page.getByRole("link", { name: /Next page/ }).click();
  await expect(page.getByText(`Showing 101–${figures.length} of ${figures.length} figures`)).toBeVisible();
  expect(await shownIds(page)).toEqual(figures.slice(100).map((figure) => figure.id));
  await expect(page.getByRole("link", { name: /Next page/ })).toHaveCount(0);

  await page.getByRole("link", { name: /Previous page/ }).click();
  await expect(page.getByText(`Showing 51–100 of ${figures.length} figures`)).toBeVisible();
});

test("sorts by value within each unit from the column header, and the sort survives a reload", async ({ page }) => {
  const figures = await storedFigures();
  const smallestFirst = [...figures].sort(byValue(1));
  const largestFirst = [...figures].sort(byValue(-1));
  const oldestFirst = [...figures].sort(byDate);
  expect(smallestFirst[0]!.id).not.toBe(oldestFirst[0]!.id);

  await page.goto("/figures");
  const valueHeader = page.getByRole("columnheader", { name: /^Value/ });
  await expect(valueHeader).not.toHaveAttribute("aria-sort", /.+/);

  await valueHeader.getByRole("link").click();
  await expect(page).toHaveURL(/[?&]sort=value\b/);
  await expect(valueHeader).toHaveAttribute("aria-sort", "ascending");
  expect((await shownIds(page))[0]).toBe(smallestFirst[0]!.id);
  await expect(figureRows(page).first()).toContainText(display(smallestFirst[0]!), { ignoreCase: true });

  await valueHeader.getByRole("link").click();
  await expect(page).toHaveURL(/[?&]dir=desc\b/);
  await expect(valueHeader).toHaveAttribute("aria-sort", "descending");
  expect((await shownIds(page))[0]).toBe(largestFirst[0]!.id);

  await page.reload();
  await expect(valueHeader).toHaveAttribute("aria-sort", "descending");
  expect(await shownIds(page)).toEqual(largestFirst.slice(0, 50).map((figure) => figure.id));
});

test("filters by kind and area with the form, showing only the matching figures", async ({ page }) => {
  const figures = await storedFigures();
  const netherlands = await prisma.geography.findUniqueOrThrow({ where: { id: "netherlands" } });
  const expected = figures
    .filter((figure) => figure.metric.kind === "seizure" && figure.geographyId === netherlands.id)
    .sort(byDate);
  expect(expected.length).toBeGreaterThan(1);

  await page.goto("/figures");
  await page.getByLabel("Kind").selectOption({ label: FIGURE_KIND_LABELS.seizure });
  await page.getByLabel("Area").selectOption({ label: netherlands.label });
  await page.getByRole("button", { name: "Show figures" }).click();

  await expect(page).toHaveURL(/kind=seizure/);
  await expect(page).toHaveURL(/geography=netherlands/);
  await expect(page.getByText(`Showing 1–${expected.length} of ${expected.length} figures`)).toBeVisible();
  expect(await shownIds(page)).toEqual(expected.map((figure) => figure.id));
  for (const row of await figureRows(page).all()) {
    await expect(row.locator("td").nth(1)).toHaveText(FIGURE_KIND_LABELS.seizure);
    await expect(row.locator("td").nth(2)).toHaveText(netherlands.label);
  }
  await expect(page.getByLabel("Kind")).toHaveValue("seizure");

  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page.getByText(`of ${figures.length} figures`)).toBeVisible();
});

test("finds a figure by a word from its label, its source's words, its note or its publisher", async ({ page }) => {
  const figures = await storedFigures();
  const expected = figures
    .filter((figure) =>
      [figure.label, figure.quote, figure.note ?? "", figure.source.publisher].some((text) =>
        text.toLowerCase().includes("etizolam"),
      ),
    )
    .sort(byDate);
  expect(expected.length).toBeGreaterThan(0);

  await page.goto("/figures");
  await page.getByRole("searchbox", { name: "Search" }).fill("Etizolam");
  await page.getByRole("button", { name: "Show figures" }).click();

  await expect(page).toHaveURL(/q=Etizolam/);
  await expect(page.getByText(`of ${expected.length} figure`)).toBeVisible();
  expect(await shownIds(page)).toEqual(expected.map((figure) => figure.id));
  await expect(figureRows(page).first()).toContainText("Etizolam");
});

test("keeps the figures whose date falls in a range, counting a year-only date as the whole year", async ({ page }) => {
  const figures = await storedFigures();
  const [from, to] = ["2022-01-01", "2022-12-31"];
  const expected = figures.filter((figure) => overlaps(figure.asOf, from, to)).sort(byDate);
  expect(expected.some((figure) => figure.asOf === "2022")).toBe(true);
  expect(expected.length).toBeLessThan(figures.length);

  await page.goto("/figures");
  await page.getByLabel("Described from").fill(from);
  await page.getByLabel("Described to").fill(to);
  await page.getByRole("button", { name: "Show figures" }).click();

  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await expect(page.getByText(`of ${expected.length} figures`)).toBeVisible();
  expect(await shownIds(page)).toEqual(expected.slice(0, 50).map((figure) => figure.id));
  await expect(page.locator('tbody time[datetime="2022"]').first()).toBeVisible();
});

test("an address it cannot understand still shows the figures, with a note of what was ignored", async ({ page }) => {
  const total = await prisma.figure.count();

  const response = await page.goto("/figures?page=abc&sort=nope&from=2021-13&kind=murder");
  expect(response?.status()).toBe(200);
  const notice = page.getByRole("status");
  await expect(notice).toContainText("There is no page “abc”");
  await expect(notice).toContainText("cannot be sorted by “nope”");
  await expect(notice).toContainText("“2021-13” is not a date");
  await expect(notice).toContainText("no kind of figure called “murder”");
  await expect(page.getByText(`Showing 1–50 of ${total} figures`)).toBeVisible();

  expect((await page.goto("/figures?page=-3&dir=up&source=not-a-source"))?.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText("There is no page “-3”");
  await expect(page.getByRole("status")).toContainText("No source “not-a-source” is recorded");
  await expect(page.getByText(`Showing 1–50 of ${total} figures`)).toBeVisible();

  const last = Math.ceil(total / 50);
  expect((await page.goto("/figures?page=999"))?.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText(`showing page ${last}, the last`);
  await expect(page.getByText(`Showing ${(last - 1) * 50 + 1}–${total} of ${total} figures`)).toBeVisible();
});

test("flags a figure that another source contradicts, showing both values and sources side by side", async ({
  page,
}) => {
  const conflict = await prisma.figureConflict.findFirstOrThrow({
    where: { figure: { metricId: "cocaine", geographyId: "netherlands" } },
    include: { figure: { include: { source: true } }, otherFigure: { include: { source: true } } },
  });
  const pair = [conflict.figure, conflict.otherFigure];
  // The Dutch cocaine seizure: DutchNews.nl said 8 tonnes, Het Parool over 10,000 kg.
  expect(pair.map(display).sort()).toEqual(["8 tonnes", "over 10 tonnes"]);

  await page.goto("/figures?metric=cocaine&geography=netherlands");
  for (const [figure, other] of [pair, [...pair].reverse()] as const) {
    await expect(page.locator(`tr[data-figure-id="${figure!.id}"]`)).toContainText("Sources disagree");
    const comparison = page.locator(`tr[data-conflict-for="${figure!.id}"]`);
    for (const side of [figure!, other!]) {
      await expect(comparison).toContainText(display(side), { ignoreCase: true });
      await expect(comparison.getByRole("link", { name: new RegExp(`^${side.source.publisher}`) })).toHaveAttribute(
        "href",
        side.source.url,
      );
    }
    await expect(comparison.getByRole("link", { name: "Compare the two reports" })).toHaveAttribute(
      "href",
      `/conflicts#${conflict.id}`,
    );
  }
});

test("filters and sorts without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const expected = await prisma.figure.count({ where: { metric: { kind: "arrest" } } });

  await page.goto("/figures");
  await page.getByLabel("Kind").selectOption("arrest");
  await page.getByRole("button", { name: "Show figures" }).click();
  await expect(page).toHaveURL(/kind=arrest/);
  await expect(page.getByText(`of ${expected} figures`)).toBeVisible();

  await page.getByRole("columnheader", { name: /^Area/ }).getByRole("link").click();
  await expect(page).toHaveURL(/kind=arrest.*sort=geography/);
  await expect(page.getByRole("columnheader", { name: /^Area/ })).toHaveAttribute("aria-sort", "ascending");
  await context.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`meets WCAG 2.1 AA in ${colorScheme} mode, with a conflict and a notice on show`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/figures");
    await expectNoAxeViolations(page);
    await page.goto("/figures?metric=cocaine&page=abc");
    await expect(page.getByText("Sources disagree").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("fits a 375px screen, the table scrolling inside its own box", async ({ page }) => {
  await page.goto("/figures?metric=cocaine");
  await expectNoHorizontalOverflow(page);
  await page.goto("/figures");
  await expectNoHorizontalOverflow(page);
});
