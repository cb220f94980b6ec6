/** What the bench measures in a real browser: Lighthouse scores, and an embed's weight. */
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumPath } from "../../tests/e2e/support/chromium";

export type EmbedWeight = { path: string; requests: number; bytes: number; firstPaint: number };

/**
 * What a reader's browser fetches for an embed before they interact with it (HTML, CSS, JS,
 * as sent with gzip), and when the chart first paints, measured in Chromium.
 */
export async function measureEmbed(base: string, target: string): Promise<EmbedWeight> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize));
    });
    await page.goto(`${base}${target}`, { waitUntil: "load" });
    await page.waitForTimeout(500); // the lazily loaded tooltip script counts too
    const firstPaint = await page.evaluate(
      () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
    );
    const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    return { path: target, requests: sizes.length, bytes, firstPaint };
  } finally {
    await browser.close();
  }
}

export type LighthouseScores = { path: string; scores: Record<string, number>; lcp: number; tbt: number; cls: number };

/** Lighthouse's mobile preset (its default) in Debian's Chromium. */
export async function lighthouseScores(base: string, target: string): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const result = await lighthouse(`${base}${target}`, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const report = result!.lhr;
    const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
    return {
      path: target,
      scores: Object.fromEntries(
        Object.entries(report.categories).map(([id, category]) => [id, Math.round((category.score ?? 0) * 100)]),
      ),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
    };
  } finally {
    chrome.kill();
  }
}
