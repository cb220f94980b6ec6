import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { chartCsv, chartJson } from "@/lib/charts/export";
import { CHART_IMAGE } from "@/lib/charts/geometry";
import { SEEDED_CHARTS } from "@/lib/seed/charts";
import { databaseWithEditors } from "@/tests/support/signed-in";
import { rendererBundle } from "@/tests/support/renderer-bundle";

// The data layer reads through the app's one client; here that is this file's own database.
const { database } = databaseWithEditors({ seeded: true, editors: {} });
vi.mock("@/lib/db.server", () => ({
  get db() {
    return database.prisma;
  },
}));

const GOLDEN = path.join(import.meta.dirname, "..", "golden", "charts");
const golden = (file: string) => readFileSync(path.join(GOLDEN, file), "utf8");
/**
 * A deliberate change to the drawing rewrites the files (`UPDATE_GOLDEN=1`); the diff of the
 * commit is then the review of what readers will see change.
 */
const UPDATE = process.env.UPDATE_GOLDEN === "1";
function expectGolden(received: string, file: string) {
  if (UPDATE) writeFileSync(path.join(GOLDEN, file), received);
  else expect(received).toBe(golden(file));
}

const bundle = rendererBundle("golden");

describe("the five charts, now records the seed writes, drawn as the code drew them before", () => {
  it.each(SEEDED_CHARTS.map((chart) => chart.slug))("%s: the same SVG, static embed, CSV and JSON", async (slug) => {
    const { fetchChart } = await import("@/lib/data/charts.server");
    const chart = await fetchChart(slug);
    if (!chart) throw new Error(`The seed wrote no published chart at ${slug}.`);
    expectGolden(bundle.current.chartSvg(chart, CHART_IMAGE.download), `${slug}.svg`);
    expectGolden(
      bundle.current.embedDocument({
        chart,
        params: { theme: "auto", static: true, revision: null },
        chartUrl: `https://venetic.example.org/charts/${slug}`,
      }).html,
      `${slug}.embed.html`,
    );
    expectGolden(chartCsv(chart), `${slug}.csv`);
    expectGolden(JSON.stringify(chartJson(chart), null, 2) + "\n", `${slug}.json`);
  });

  it("shows them on the dashboard in the order they had", async () => {
    const { fetchDashboardCharts } = await import("@/lib/data/charts.server");
    expect((await fetchDashboardCharts()).map((chart) => chart.slug)).toEqual(SEEDED_CHARTS.map((chart) => chart.slug));
  });
});
