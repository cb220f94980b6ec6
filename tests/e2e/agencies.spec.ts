import { expect, test } from "@playwright/test";
import type { Unit } from "@/lib/domain/units";
import type { Qualifier } from "@/lib/domain/vocabulary";
import { formatFigure } from "@/lib/figures/format";
import { expectNoAxeViolations, expectNoHorizontalOverflow } from "./support/a11y";
import { openE2eDatabase } from "./support/database";

const prisma = openE2eDatabase();

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("lists every agency with its kind, country and role, grouped by kind", async ({ page }) => {
  const agencies = await prisma.agency.findMany({
    include: { agencyKind: true, _count: { select: { figures: true } } },
  });
  expect(agencies).toHaveLength(29);

  await page.goto("/agencies");
  await expect(page.getByRole("heading", { level: 1, name: "Agencies" })).toBeVisible();
  await expect(page.locator("article[data-agency-id]")).toHaveCount(agencies.length);

  for (const agency of agencies) {
    const entry = page.locator(`article[id="${agency.id}"]`);
    await expect(entry.getByRole("heading", { level: 3 })).toContainText(agency.name);
    if (agency.shortName) await expect(entry.getByRole("heading", { level: 3 })).toContainText(`(${agency.shortName})`);
    await expect(entry).toContainText(agency.agencyKind.label);
    await expect(entry).toContainText(agency.role);
    await expect(entry.locator("[data-figure-id]")).toHaveCount(agency._count.figures);
    const group = page.locator("section").filter({ has: entry });
    await expect(group.getByRole("heading", { level: 2 })).toHaveText(agency.agencyKind.label);
  }
  await expect(page.locator('article[id="nca"]')).toContainText("United Kingdom");
});

test("opens at an agency from its address, with the figures attributed to it", async ({ page }) => {
  const figures = await prisma.figure.findMany({ where: { agencyId: "nca" }, include: { source: true } });
  expect(figures.length).toBeGreaterThan(0);

  await page.goto("/agencies#nca");
  const entry = page.locator("#nca");
  await expect(entry).toBeInViewport();
  for (const figure of figures) {
    const item = entry.locator(`[data-figure-id="${figure.id}"]`);
    await expect(item).toContainText(figure.label);
    await expect(item).toContainText(
      formatFigure(figure.valueMinor, figure.unit as Unit, figure.qualifier as Qualifier),
    );
    await expect(item.getByRole("link", { name: new RegExp(`^${figure.source.publisher}`) })).toHaveAttribute(
      "href",
      figure.source.url,
    );
  }
});

test("lists each court's rulings under it", async ({ page }) => {
  const rulings = await prisma.ruling.findMany({ where: { courtId: { not: null } } });
  expect(rulings.length).toBeGreaterThan(0);

  await page.goto("/agencies");
  for (const ruling of rulings) {
    const link = page.locator(`article[id="${ruling.courtId}"] a[href="/rulings#${ruling.id}"]`);
    await expect(link).toHaveText(ruling.caseName ?? `${ruling.court}, case name not reported`);
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`meets WCAG 2.1 AA in ${colorScheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/agencies");
    await expectNoAxeViolations(page);
  });
}

test("is readable without JavaScript and fits a 375px screen", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/agencies");
  await expect(page.locator("article[data-agency-id]")).toHaveCount(await prisma.agency.count());
  await expectNoHorizontalOverflow(page);
  await context.close();
});
