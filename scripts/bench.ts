/**
 * `npm run bench`: how fast the public pages are, measured, not asserted.
 * Starts the production server the way `npm start` does (building if the build is stale) on
 * its own port and database copy, then from this second process on loopback runs autocannon
 * against the dashboard, a chart page, the figures table and a static file, and prints each
 * page's requests per second beside the static file's.
 *
 *   npm run bench                      # 50 connections, 10 s per address
 *   BENCH_DURATION=5 npm run bench     # shorter
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumPath } from "../tests/e2e/support/chromium";

const PORT = Number(process.env.BENCH_PORT || 3200);
const DURATION = Number(process.env.BENCH_DURATION || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const BASE = `http://127.0.0.1:${PORT}`;
const STATIC_FILE = "/robots.txt";
const TARGETS = [STATIC_FILE, "/", "/charts/uk-totals", "/embed/uk-totals", "/api/figures.json", "/figures"];

type Measure = { path: string; requests: number; p50: number; p99: number; errors: number; non2xx: number };

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // Still building or starting.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start within five minutes.");
}

async function measure(target: string): Promise<Measure> {
  await fetch(`${BASE}${target}`); // render and cache it once before timing
  const result = await autocannon({ url: `${BASE}${target}`, connections: CONNECTIONS, duration: DURATION });
  return {
    path: target,
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

type EmbedWeight = { path: string; requests: number; bytes: number; firstPaint: number };

/**
 * What a reader's browser fetches for an embed before they interact with it (HTML, CSS, JS,
 * as sent with gzip), and when the chart first paints, measured in Chromium.
 */
async function measureEmbed(target: string): Promise<EmbedWeight> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize));
    });
    await page.goto(`${BASE}${target}`, { waitUntil: "load" });
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

type LighthouseScores = { path: string; scores: Record<string, number>; lcp: number; tbt: number; cls: number };

/** Lighthouse's mobile preset (its default) in Debian's Chromium. */
async function lighthouseScores(target: string): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const result = await lighthouse(`${BASE}${target}`, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const report = result!.lhr;
    const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
    return {
      path: target,
      scores: Object.fromEntries(Object.entries(report.categories).map(([id, category]) => [id, Math.round((category.score ?? 0) * 100)])),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
    };
  } finally {
    chrome.kill();
  }
}

function table(measures: Measure[]): string {
  const staticRate = measures.find((measure) => measure.path === STATIC_FILE)?.requests ?? Number.NaN;
  const rows = measures.map((measure) => [
    measure.path,
    measure.requests.toFixed(0),
    `${measure.p50} ms`,
    `${measure.p99} ms`,
    (measure.requests / staticRate).toFixed(2),
    String(measure.errors + measure.non2xx),
  ]);
  const header = ["address", "requests/s", "p50", "p99", "vs static", "errors"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "venetic-bench-"));
  const server = spawn("npx", ["tsx", "scripts/start.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: `file:${path.join(folder, "bench.db")}`, NODE_ENV: "production" },
    detached: true,
  });
  const stop = () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await waitForServer();
    const measures: Measure[] = [];
    for (const target of TARGETS) {
      console.log(`Measuring ${target} (${CONNECTIONS} connections, ${DURATION} s)...`);
      measures.push(await measure(target));
    }
    console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
    console.log(table(measures));
    console.log("\nLighthouse (mobile):");
    for (const target of ["/", "/charts/uk-totals", "/embed/uk-totals"]) {
      const { path: page, scores, lcp, tbt, cls } = await lighthouseScores(target);
      console.log(
        `${page}: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores["best-practices"]}, SEO ${scores.seo}; LCP ${lcp.toFixed(0)} ms, TBT ${tbt.toFixed(0)} ms, CLS ${cls.toFixed(3)}`,
      );
    }
    for (const embed of ["/embed/uk-totals", "/embed/uk-totals?static=1"]) {
      const weight = await measureEmbed(embed);
      console.log(
        `\n${weight.path}: ${weight.requests} requests, ${(weight.bytes / 1024).toFixed(1)} KB before interaction (gzip), first chart paint at ${weight.firstPaint.toFixed(0)} ms`,
      );
    }
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
