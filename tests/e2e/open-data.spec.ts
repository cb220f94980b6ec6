import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openE2eDatabase, revalidate } from "./support/database";
import { expectNoAxeViolations } from "./support/a11y";
import { E2E_BASE_URL } from "./support/server";

/**
 * Citing and reusing the record (issue #16): the Dataset JSON-LD that search engines read, the
 * Data Package that tools read, and the citations a researcher copies or downloads.
 */

const prisma = openE2eDatabase();
const ARRESTED = "nca-2022-06-09-arrested";

test.afterAll(async () => {
  await prisma.$disconnect();
});

const latestRevision = async () => (await prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } })).id;

/** The page's JSON-LD blocks, parsed as a search engine parses them. */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

/** A citation's toggle for one format: "RIS (EndNote, Zotero, Mendeley)". */
function formatToggle(cite: Locator, label: string): Locator {
  return cite.locator("summary").filter({ hasText: new RegExp(`^${label} \\(`) });
}

/**
 * At a small phone's width, with every format of the citation open, the page never scrolls
 * sideways: long addresses and BibTeX lines wrap.
 */
async function expectCitationFitsAPhone(page: Page, region: string) {
  await page.setViewportSize({ width: 375, height: 800 });
  const cite = page.getByRole("region", { name: region });
  for (const label of ["BibTeX", "RIS", "CSL-JSON"]) {
    const toggle = formatToggle(cite, label);
    if ((await toggle.locator("xpath=..").getAttribute("open")) === null) await toggle.click();
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
}

for (const path of ["/", "/figures", "/figures?kind=seizure"]) {
  test(`${path} describes the record as a schema.org Dataset, with no policy violation`, async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(path);
    const blocks = await jsonLd(page);
    expect(blocks).toHaveLength(1);
    const [dataset] = blocks;
    const latest = await prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } });
    // Google's Dataset documentation requires name and description (50 to 5,000 characters).
    expect(dataset).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Dataset",
      name: "Operation Venetic: the public record",
      url: `${E2E_BASE_URL}/figures`,
      license: "https://creativecommons.org/licenses/by/4.0/",
      isAccessibleForFree: true,
      creator: { "@type": "Organization", name: "Operation Venetic: the public record" },
      dateModified: latest.createdAt.toISOString(),
      version: String(latest.id),
      distribution: [
        { "@type": "DataDownload", encodingFormat: "text/csv", contentUrl: `${E2E_BASE_URL}/api/figures.csv` },
        { "@type": "DataDownload", encodingFormat: "application/json", contentUrl: `${E2E_BASE_URL}/api/figures.json` },
      ],
    });
    expect(String(dataset!.description).length).toBeGreaterThanOrEqual(50);
    expect(String(dataset!.description).length).toBeLessThanOrEqual(5000);
    expect(dataset!.temporalCoverage).toMatch(/^\d{4}(-\d{2}){0,2}\/\d{4}(-\d{2}){0,2}$/);
    expect(dataset!.spatialCoverage).toContainEqual({ "@type": "Place", name: "United Kingdom" });
    expect(dataset!.keywords).toContain("EncroChat");
    // Every address it names answers.
    for (const { contentUrl } of dataset!.distribution as { contentUrl: string }[]) {
      expect((await page.request.get(contentUrl)).status(), contentUrl).toBe(200);
    }
    // Every script of the page has run by its load event (readers' pages have no Next runtime).
    await page.waitForLoadState("load");
    expect(violations).toEqual([]);
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "CC BY 4.0" })).toHaveAttribute(
      "href",
      "https://creativecommons.org/licenses/by/4.0/",
    );
  });
}

test("the Data Package is kept ready like the data it describes, and cleared when the record changes", async ({
  request,
}) => {
  await expect
    .poll(async () => (await request.get("/api/datapackage.json")).headers()["x-cache"], { timeout: 15_000 })
    .toBe("HIT");
  const response = await request.get("/api/datapackage.json");
  expect(response.headers()["content-type"]).toBe("application/json");
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const descriptor = (await response.json()) as { version: string; resources: { path: string }[] };
  expect(descriptor.version).toBe(String(await latestRevision()));
  expect(descriptor.resources[0]!.path).toBe(`${E2E_BASE_URL}/api/figures.csv`);
  expect((await request.get(descriptor.resources[0]!.path)).status()).toBe(200);

  // What every save does after writing: the kept copy goes at once.
  await revalidate();
  expect((await request.get("/api/datapackage.json")).headers()["x-cache"]).not.toBe("HIT");
});

test("a chart page offers 'Cite this chart', pinned to the revision its embed pins, in four formats", async ({
  page,
}) => {
  const revision = await latestRevision();
  const pinned = `${E2E_BASE_URL}/embed/uk-totals?v=${revision}`;
  await page.goto("/charts/uk-totals");
  const cite = page.getByRole("region", { name: "Cite this chart" });
  await expect(cite).toBeVisible();
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const text = cite.locator('[data-citation="text"]');
  await expect(text).toContainText(`Operation Venetic: the public record (`);
  await expect(text).toContainText(`“${title}”, chart drawn from figures reported by`);
  await expect(text).toContainText(`revision ${revision}, ${pinned}, accessed `);

  // Formats are toggles: BibTeX opens, its file downloads and is the text shown.
  await formatToggle(cite, "BibTeX").click();
  const bibtex = cite.locator('[data-citation="bib"]');
  await expect(bibtex).toBeVisible();
  await expect(bibtex).toContainText(`url          = {${pinned}}`);
  const link = cite.getByRole("link", { name: /^Download the BibTeX file/ });
  await expect(link).toHaveAttribute("href", `/api/charts/uk-totals/citation.bib?v=${revision}`);
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`venetic-chart-uk-totals-r${revision}.bib`);
  expect(readFileSync((await file.path())!, "utf8")).toBe(await bibtex.textContent());

  const response = await page.request.get(`/api/charts/uk-totals/citation.bib?v=${revision}`);
  expect(response.headers()["content-type"]).toBe("application/x-bibtex; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe(
    `attachment; filename="venetic-chart-uk-totals-r${revision}.bib"`,
  );
  // The address cited is the chart itself.
  const embed = await page.request.get(pinned);
  expect(embed.status()).toBe(200);
  expect(await embed.text()).toContain(title);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
  await expectCitationFitsAPhone(page, "Cite this chart");
});

test("without JavaScript each format of a chart's citation still opens", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/charts/uk-totals");
  const cite = page.getByRole("region", { name: "Cite this chart" });
  for (const [label, format, start] of [
    ["RIS", "ris", "TY  - FIGURE"],
    ["CSL-JSON", "json", "["],
  ] as const) {
    await formatToggle(cite, label).click();
    await expect(cite.locator(`[data-citation="${format}"]`)).toBeVisible();
    expect((await cite.locator(`[data-citation="${format}"]`).textContent())!.startsWith(start)).toBe(true);
  }
  await context.close();
});

test("a figure's panel cites the figure as its source's, pinned to an address that shows it as cited", async ({
  page,
}) => {
  const figure = await prisma.figure.findUniqueOrThrow({ where: { id: ARRESTED }, include: { source: true } });
  await page.goto(`/figures?metric=arrested&source=${figure.sourceId}#figure-${ARRESTED}`);
  const row = page.locator(`tr#figure-${ARRESTED}`);
  await row.getByRole("link", { name: /^Embed this figure/ }).click();
  const cite = row.getByRole("region", { name: "Cite this figure" });
  await expect(cite).toBeVisible();
  const text = (await cite.locator('[data-citation="text"]').textContent())!;
  expect(text.startsWith(`${figure.source.publisher} (9 June 2022), “${figure.source.title}”`)).toBe(true);
  const pinned = new RegExp(`${E2E_BASE_URL}/embed/figure/${ARRESTED}\\?v=(\\d+)`).exec(text);
  expect(pinned, text).not.toBeNull();
  expect(text).toContain(`, reported in Operation Venetic: the public record, revision ${pinned![1]}, compiled `);

  await formatToggle(cite, "RIS").click();
  await expect(cite.locator('[data-citation="ris"]')).toContainText(`UR  - ${pinned![0]}`);
  const ris = await page.request.get(`/api/figures/${ARRESTED}/citation.ris?v=${pinned![1]}`);
  expect(ris.status()).toBe(200);
  expect(ris.headers()["content-type"]).toBe("application/x-research-info-systems; charset=utf-8");

  await expectNoAxeViolations(page);
  await expectCitationFitsAPhone(page, "Cite this figure");

  // The pinned address is the figure's card as cited.
  await page.goto(pinned![0]);
  await expect(page.locator(".value")).toHaveText(/\d/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(figure.label);
});

test("citation files refuse what is not there in a sentence, never with a 500", async ({ request }) => {
  const latest = await latestRevision();
  for (const [address, status] of [
    [`/api/figures/${ARRESTED}/citation.pdf`, 404],
    ["/api/figures/no-such-figure/citation.bib", 404],
    [`/api/figures/${ARRESTED}/citation.bib?v=abc`, 400],
    [`/api/figures/${ARRESTED}/citation.bib?v=${latest + 1}`, 404],
    ["/api/charts/no-such-chart/citation.ris", 404],
    [`/api/charts/uk-totals/citation.json?v=0`, 400],
    ["/api/charts/uk-totals/citation.json/more", 404],
  ] as const) {
    const response = await request.get(address);
    expect(response.status(), address).toBe(status);
  }
});
