import { expect, test } from "@playwright/test";
import { JURISDICTION_LABELS, type Jurisdiction } from "@/lib/domain/vocabulary";
import { formatDate } from "@/lib/figures/format";
import { testAccessibleAndNarrow } from "./support/a11y";
import { openE2eDatabase } from "./support/database";

const prisma = openE2eDatabase();

test.afterAll(async () => {
  await prisma.$disconnect();
});

async function rulingsOldestFirst() {
  const rulings = await prisma.ruling.findMany({ include: { source: true } });
  // An unreported date is not a date: those rulings go last, in a stable order.
  return rulings.sort(
    (a, b) =>
      Number(a.date === null) - Number(b.date === null) ||
      (a.date ?? "").localeCompare(b.date ?? "") ||
      a.id.localeCompare(b.id),
  );
}

test("lists every ruling in date order, undated ones last, each with its court, outcome and source", async ({
  page,
}) => {
  const rulings = await rulingsOldestFirst();
  expect(rulings).toHaveLength(7);
  expect(rulings.at(-1)!.date).toBeNull();

  await page.goto("/rulings");
  await expect(page.getByRole("heading", { level: 1, name: "Court rulings" })).toBeVisible();
  const items = page.locator("ol > li[data-ruling-id]");
  expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-ruling-id")))).toEqual(
    rulings.map((ruling) => ruling.id),
  );

  for (const ruling of rulings) {
    const item = page.locator(`li[id="${ruling.id}"]`);
    if (ruling.date) {
      await expect(item.locator(`time[datetime="${ruling.date}"]`)).toHaveText(formatDate(ruling.date));
    } else {
      await expect(item.locator("time")).toHaveCount(0);
      await expect(item).toContainText("Date not reported");
    }
    await expect(item.getByRole("heading", { level: 2 })).toHaveText(ruling.caseName ?? ruling.court);
    await expect(item).toContainText(ruling.court);
    await expect(item).toContainText(JURISDICTION_LABELS[ruling.jurisdiction as Jurisdiction]);
    await expect(item).toContainText(ruling.outcome);
    await expect(item.locator(`a[href="${ruling.source.url}"]`)).toHaveAttribute("rel", "noopener noreferrer");
  }
});

test("is readable without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/rulings");
  await expect(page.locator("ol > li[data-ruling-id]")).toHaveCount(await prisma.ruling.count());
  await context.close();
});

testAccessibleAndNarrow("/rulings");
