import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Fails with one line per problem and element, rather than axe's whole report. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const summary = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? "unknown"}): ${violation.help}\n    at ${node.target.join(" ")}\n    ${node.failureSummary ?? ""}`,
    ),
  );
  expect(summary, `Accessibility problems on ${page.url()}:\n${summary.join("\n")}`).toEqual([]);
}

/** At a small phone's width the page itself must never scroll sideways; wide tables scroll inside their box. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide at 375px`).toBeLessThanOrEqual(375);
}

/** The checks every public page passes: WCAG 2.1 AA in light and dark, and no sideways scrolling at 375px. */
export function testAccessibleAndNarrow(path: string): void {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${path} meets WCAG 2.1 AA in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test(`${path} fits a 375px screen`, async ({ page }) => {
    await page.goto(path);
    await expectNoHorizontalOverflow(page);
  });
}
