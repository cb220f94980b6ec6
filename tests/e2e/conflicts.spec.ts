import { expect, test } from "@playwright/test";
import type { Unit } from "@/lib/domain/units";
import type { Qualifier } from "@/lib/domain/vocabulary";
import { formatDate, formatFigure } from "@/lib/figures/format";
import { testAccessibleAndNarrow } from "./support/a11y";
import { openE2eDatabase } from "./support/database";

const prisma = openE2eDatabase();

test.afterAll(async () => {
  await prisma.$disconnect();
});

function display(figure: { valueMinor: bigint; unit: string; qualifier: string }): string {
  return formatFigure(figure.valueMinor, figure.unit as Unit, figure.qualifier as Qualifier);
}

async function storedConflicts() {
  const side = { include: { source: true } } as const;
  return prisma.figureConflict.findMany({ include: { figure: side, otherFigure: side } });
}

test("shows every disagreement with both reports side by side, flagged, neither picked", async ({ page }) => {
  const conflicts = await storedConflicts();
  expect(conflicts).toHaveLength(4);

  await page.goto("/conflicts");
  await expect(page.getByRole("heading", { level: 1, name: "Conflicting reports" })).toBeVisible();
  await expect(page.locator("article[data-conflict-id]")).toHaveCount(conflicts.length);

  for (const conflict of conflicts) {
    const pair = page.locator(`article[data-conflict-id="${conflict.id}"]`);
    await expect(pair.getByText("Sources disagree")).toBeVisible();
    for (const figure of [conflict.figure, conflict.otherFigure]) {
      const report = pair.locator(`[data-figure-id="${figure.id}"]`);
      await expect(report).toContainText(display(figure), { ignoreCase: true });
      await expect(report).toContainText(figure.quote);
      await expect(report.locator(`time[datetime="${figure.asOf}"]`)).toHaveText(formatDate(figure.asOf));
      await expect(report.getByRole("link", { name: new RegExp(`^${figure.source.publisher}`) })).toHaveAttribute(
        "href",
        figure.source.url,
      );
      if (figure.source.copy === "mirror") {
        await expect(report).toContainText(`(mirror of ${figure.source.copyOf})`);
      }
    }
  }
});

test("the Dutch cocaine seizure reads 8 tonnes from one source and over 10 tonnes from the other", async ({ page }) => {
  const conflict = (await storedConflicts()).find((pair) => pair.figure.metricId === "cocaine");
  expect(conflict).toBeDefined();
  const values = [conflict!.figure, conflict!.otherFigure].map(display);
  expect(values.sort()).toEqual(["8 tonnes", "over 10 tonnes"]);

  await page.goto(`/conflicts#${conflict!.id}`);
  const pair = page.locator(`article[data-conflict-id="${conflict!.id}"]`);
  await expect(pair).toBeInViewport();
  await expect(pair).toContainText("8 tonnes");
  await expect(pair).toContainText("over 10 tonnes", { ignoreCase: true });
});

test("is readable without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/conflicts");
  await expect(page.locator("article[data-conflict-id]")).toHaveCount(await prisma.figureConflict.count());
  await context.close();
});

testAccessibleAndNarrow("/conflicts");
