import { seededChartDefinition } from "@/lib/seed/charts";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { buildChart } from "@/lib/charts/build";
import { CHART_IMAGE } from "@/lib/charts/geometry";
import { rendererBundle } from "@/tests/support/renderer-bundle";
import { figureFixture as figure } from "@/tests/support/figure-fixtures";
import type { EmbedRequest } from "./renderer.server";

const bundle = rendererBundle("renderer");

const chart = buildChart(
  seededChartDefinition("justice-funnel"),
  [
    figure({ id: "a", metric: "arrested", value: "2864", asOf: "2022-06-08" }),
    figure({ id: "c", metric: "charged", value: "1571", asOf: "2022-06-08" }),
  ],
  [],
);
const request = (isStatic: boolean): EmbedRequest => ({
  chart,
  params: { theme: "auto", static: isStatic, revision: null },
  chartUrl: "https://venetic.example.org/charts/justice-funnel",
});
const inlineScripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("the renderer bundle, through the ChartRenderer that lib/ declares", () => {
  it("renders an embed with the hash of each inline script it carries, and of no other", () => {
    for (const isStatic of [false, true]) {
      const { html, scriptHashes } = bundle.current.embedDocument(request(isStatic));
      expect(html.startsWith("<!DOCTYPE html><html")).toBe(true);
      const scripts = inlineScripts(html);
      expect(scripts).toHaveLength(isStatic ? 1 : 2);
      expect(scriptHashes).toEqual(scripts.map(sha256));
    }
  });

  it("writes the chart's id into the minified resize script", () => {
    const [resize] = inlineScripts(bundle.current.embedDocument(request(true)).html);
    expect(resize).toContain('||"justice-funnel"');
    expect(resize).not.toContain("EMBED_CHART_ID");
    expect(resize!.length).toBeLessThan(1024);
  });

  it("speaks to the scripts served as they are written, public/embed.js and the tooltips", () => {
    const [resize, load] = inlineScripts(bundle.current.embedDocument(request(false)).html);
    const hostScript = readFileSync(path.join(import.meta.dirname, "../../public/embed.js"), "utf8");
    const asked = /postMessage\("([^"]+)"/.exec(hostScript)?.[1];
    expect(asked).toBeDefined();
    expect(resize).toContain(JSON.stringify(asked));
    const loaded = /"(\/[\w-]+\.js)"/.exec(load!)?.[1];
    expect(loaded && existsSync(path.join(import.meta.dirname, "../../public", loaded))).toBe(true);
  });

  it("draws the chart as an SVG document and as a PNG of the preview's size", () => {
    expect(bundle.current.chartSvg(chart, CHART_IMAGE.download)).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    const png = Buffer.from(bundle.current.chartPng(chart, CHART_IMAGE.preview));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      CHART_IMAGE.preview.width,
      CHART_IMAGE.preview.height,
    ]);
  });

  it("draws a well-formed SVG and a PNG whatever a stored text holds, from any plane of Unicode", () => {
    const { DOMParser } = new JSDOM().window;
    const text = fc.string({ unit: "binary", maxLength: 20 });
    fc.assert(
      fc.property(text, text, text, (publisher, label, title) => {
        const odd = figure({ id: "a", metric: "arrested", value: "2864", asOf: "2022-06-08", source: "odd" });
        odd.source.publisher = `${publisher}\u0000\ud800`;
        odd.geography.label = label;
        // An editor's chart title and notes are stored text too.
        const definition = { ...seededChartDefinition("justice-funnel"), title: `<${title}>&"`, notes: [title] };
        const svg = bundle.current.chartSvg(buildChart(definition, [odd], []), CHART_IMAGE.download);
        const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
        expect(parsed.getElementsByTagName("parsererror")).toHaveLength(0);
        const embed = bundle.current.embedDocument({
          chart: buildChart(definition, [odd], []),
          params: { theme: "auto", static: true, revision: null },
          chartUrl: "https://venetic.example.org/charts/justice-funnel",
        });
        expect(embed.html).not.toContain(definition.title);
      }),
      { numRuns: 25 },
    );
    const broken = figure({ id: "a", metric: "arrested", value: "2864", asOf: "2022-06-08", source: "odd" });
    broken.source.publisher = "NUL\u0000 here";
    const png = Buffer.from(
      bundle.current.chartPng(buildChart(seededChartDefinition("justice-funnel"), [broken], []), CHART_IMAGE.preview),
    );
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  });
});
