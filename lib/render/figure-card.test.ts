import { createHash } from "node:crypto";
import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { figureCard, FIGURE_CARD_IMAGE } from "@/lib/figures/card";
import { rendererBundle } from "@/tests/support/renderer-bundle";
import { figureFixture } from "@/tests/support/figure-fixtures";
import type { FigureCardRequest } from "./renderer.server";

const bundle = rendererBundle("figure-card");

const SITE = "https://venetic.example.org";
const cash = figureFixture({ id: "itv-cash", metric: "cash", value: "54000000", unit: "GBP", asOf: "2020-07-02" });
const request = (changes: Partial<typeof cash> = {}, revision: number | null = null): FigureCardRequest => ({
  card: figureCard({ ...cash, qualifier: "more-than", display: "over £54 million", ...changes }, revision, SITE),
  theme: "auto",
});
const inlineScripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const parse = (html: string) => new JSDOM(html).window.document;

describe("the figure card, through the renderer bundle", () => {
  it("is one HTML document with the value as reported, its label, date, source and a link back", () => {
    const { html } = bundle.current.figureCardDocument(request());
    expect(html.startsWith("<!DOCTYPE html><html")).toBe(true);
    const document = parse(html);
    expect(document.querySelector("h1")?.textContent).toBe("Label of cash");
    expect(document.querySelector(".value")?.textContent).toBe("over £54 million");
    expect(document.querySelector(".context")?.textContent).toBe("uk (area), as of 2 July 2020");
    expect(document.querySelector("time")?.getAttribute("datetime")).toBe("2020-07-02");
    const links = [...document.querySelectorAll(".source a")].map((link) => [
      link.textContent,
      link.getAttribute("href"),
    ]);
    expect(links).toEqual([
      ["Publisher source-a, 2 July 2020", "https://example.org/source-a"],
      ["Operation Venetic: the public record", `${SITE}/figures?metric=cash&source=source-a#figure-itv-cash`],
    ]);
    expect(document.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute("href")).toBe(
      `${SITE}/api/oembed?url=${encodeURIComponent(`${SITE}/embed/figure/itv-cash`)}&format=json`,
    );
    expect(document.documentElement.getAttribute("data-theme")).toBe("auto");
  });

  it("says which revision a pinned card shows", () => {
    const document = parse(bundle.current.figureCardDocument(request({}, 42)).html);
    expect(document.querySelector(".source")?.textContent).toContain("As recorded at revision 42.");
  });

  it("carries the resize script alone, named by its hash, speaking for the figure", () => {
    const { html, scriptHashes } = bundle.current.figureCardDocument({ ...request(), theme: "dark" });
    const scripts = inlineScripts(html);
    expect(scripts).toHaveLength(1);
    expect(scriptHashes).toEqual(scripts.map(sha256));
    expect(scripts[0]).toContain('||"figure-itv-cash"');
    expect(html).toContain('data-theme="dark"');
  });

  it("writes hostile text as text: markup, quotes and direction controls change nothing around them", () => {
    const hostile = `<script>alert(1)</script>"'\u202Eevil\u2066`;
    const { html } = bundle.current.figureCardDocument(
      request({
        label: hostile,
        quote: `</blockquote><img src=x onerror=alert(1)>${hostile}`,
        geography: { id: "uk", label: hostile },
        source: { ...cash.source, publisher: hostile, url: "javascript:alert(1)" },
      }),
    );
    expect(inlineScripts(html)).toHaveLength(1);
    const document = parse(html);
    expect(document.querySelectorAll("script")).toHaveLength(1);
    expect(document.querySelectorAll("img")).toHaveLength(0);
    expect(document.querySelector("h1 bdi")?.textContent).toBe(hostile);
    expect(document.querySelector("blockquote bdi")?.textContent).toContain(hostile);
    expect(document.querySelector(".context bdi")?.textContent).toBe(hostile);
    // Not linked: only web addresses are.
    expect([...document.querySelectorAll("a")].map((link) => link.getAttribute("href"))).toEqual([
      `${SITE}/figures?metric=cash&source=source-a#figure-itv-cash`,
    ]);
  });

  it("draws a PNG of a link preview's size, light or dark", () => {
    for (const theme of ["light", "dark"] as const) {
      const png = Buffer.from(bundle.current.figureCardPng({ ...request(), theme }));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([FIGURE_CARD_IMAGE.width, FIGURE_CARD_IMAGE.height]);
    }
  });

  it("draws a PNG whatever a stored text holds, from any plane of Unicode", () => {
    const text = fc.string({ unit: "binary", maxLength: 60 });
    fc.assert(
      fc.property(text, text, (label, publisher) => {
        const png = Buffer.from(
          bundle.current.figureCardPng(
            request({ label, source: { ...cash.source, publisher: `${publisher}\u0000\ud800` } }),
          ),
        );
        expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      }),
      { numRuns: 15 },
    );
  });
});
