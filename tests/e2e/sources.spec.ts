import { expect, test } from "@playwright/test";
import type { Unit } from "@/lib/domain/units";
import { SOURCE_KIND_LABELS, type Qualifier, type SourceKind } from "@/lib/domain/vocabulary";
import { formatDate, formatFigure } from "@/lib/figures/format";
import { FOUNDING_SOURCE_ID } from "@/lib/seed/dataset";
import { testAccessibleAndNarrow } from "./support/a11y";
import { openE2eDatabase } from "./support/database";

const prisma = openE2eDatabase();

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("lists every source with its publisher, date, kind and a safe link to it", async ({ page }) => {
  const sources = await prisma.source.findMany();
  expect(sources).toHaveLength(37);

  await page.goto("/sources");
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  await expect(page.locator("article[data-source-id]")).toHaveCount(sources.length);

  for (const source of sources) {
    const entry = page.locator(`article[id="${source.id}"]`);
    await expect(entry.getByRole("heading", { level: 2 })).toHaveText(source.publisher);
    const byline = entry.locator(":scope > p").first();
    if (source.publishedOn) {
      await expect(byline.locator(`time[datetime="${source.publishedOn}"]`)).toHaveText(formatDate(source.publishedOn));
    } else {
      await expect(byline).toContainText("Date not reported");
    }
    await expect(byline).toContainText(SOURCE_KIND_LABELS[source.kind as SourceKind]);
    const link = entry.locator(`a[href="${source.url}"]`);
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    if (source.copy === "mirror") {
      await expect(byline).toContainText(`mirror of ${source.copyOf}`);
    } else {
      await expect(byline).not.toContainText("mirror");
    }
  }
});

test("opens at a source from its address, with every figure it reported", async ({ page }) => {
  const figures = await prisma.figure.findMany({ where: { sourceId: FOUNDING_SOURCE_ID } });
  expect(figures.length).toBeGreaterThan(0);

  await page.goto(`/sources#${FOUNDING_SOURCE_ID}`);
  const entry = page.locator(`#${FOUNDING_SOURCE_ID}`);
  await expect(entry).toBeInViewport();
  await expect(entry.locator("[data-figure-id]")).toHaveCount(figures.length);
  for (const figure of figures) {
    const item = entry.locator(`[data-figure-id="${figure.id}"]`);
    await expect(item).toContainText(figure.label);
    await expect(item).toContainText(
      formatFigure(figure.valueMinor, figure.unit as Unit, figure.qualifier as Qualifier),
    );
    await expect(item.locator(`time[datetime="${figure.asOf}"]`)).toHaveText(formatDate(figure.asOf));
  }
});

test("is readable without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sources");
  await expect(page.locator("article[data-source-id]")).toHaveCount(await prisma.source.count());
  await context.close();
});

testAccessibleAndNarrow("/sources");
