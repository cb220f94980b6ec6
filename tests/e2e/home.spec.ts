import { expect, test } from "@playwright/test";
import { formatFigure } from "@/lib/format";
import { FOUNDING_SOURCE_ID } from "@/lib/seed/dataset";
import type { Qualifier } from "@/lib/domain/vocabulary";
import type { Unit } from "@/lib/domain/units";
import { openE2eDatabase, revalidate } from "./support/database";

const prisma = openE2eDatabase();

test.afterAll(async () => {
  await prisma.$disconnect();
});

async function foundingFigures() {
  return prisma.figure.findMany({ where: { sourceId: FOUNDING_SOURCE_ID }, include: { source: true } });
}

test("the home page lists every figure of the founding article, as stored, with its source", async ({ page }) => {
  const figures = await foundingFigures();
  expect(figures).toHaveLength(13);

  await page.goto("/");
  await expect(page).toHaveTitle(/Operation Venetic/);
  for (const figure of figures) {
    const item = page.locator(`[data-figure-id="${figure.id}"]`);
    await expect(item).toContainText(figure.label);
    await expect(item).toContainText(
      formatFigure(figure.valueMinor, figure.unit as Unit, figure.qualifier as Qualifier),
      { ignoreCase: true },
    );
    const source = item.getByRole("link", { name: /ITV News, 2 July 2020/ });
    await expect(source).toHaveAttribute("href", figure.source.url);
  }
  await expect(page.getByText("over £54 million", { exact: true })).toBeVisible();
});

test("the figures are in the HTML itself, readable without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("[data-figure-id]")).toHaveCount(13);
  await expect(page.locator('[data-figure-id="itv-2020-07-02-arrested"]')).toContainText("746");
  await context.close();
});

test("an edit saved to the database shows on the page once revalidated", async ({ page }) => {
  const id = "itv-2020-07-02-high-value-cars";
  const original = await prisma.figure.findUniqueOrThrow({ where: { id } });
  try {
    await prisma.figure.update({ where: { id }, data: { valueMinor: 56n, version: { increment: 1 } } });
    await revalidate();
    await page.goto("/");
    await expect(page.locator(`[data-figure-id="${id}"]`)).toContainText("56");
  } finally {
    await prisma.figure.update({ where: { id }, data: { valueMinor: original.valueMinor } });
    await revalidate();
  }
  await page.goto("/");
  await expect(page.locator(`[data-figure-id="${id}"]`)).toContainText("55");
});

test("responses carry the security headers and no X-Powered-By", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the revalidation endpoint refuses a request without the server's token", async ({ request }) => {
  const response = await request.post("/api/revalidate", { headers: { "x-revalidate-token": "guess" } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "A valid x-revalidate-token header is required." });
});
