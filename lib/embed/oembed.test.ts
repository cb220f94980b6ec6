import { seededChartDefinition } from "@/lib/seed/charts";
import { describe, expect, it } from "vitest";
import { buildChart } from "@/lib/charts/build";
import { embedHeight } from "@/lib/charts/geometry";
import { figureFixture as figure } from "@/tests/support/figure-fixtures";
import { oembedResponse, parseOEmbedRequest } from "./oembed";
import { parseEmbedParams } from "./params";

const SITE = "https://venetic.example.org";
const ask = (query: Record<string, string>) => parseOEmbedRequest(new URLSearchParams(query), SITE);

describe("parseOEmbedRequest", () => {
  it("accepts our chart and embed addresses, pinned or live", () => {
    expect(ask({ url: `${SITE}/charts/uk-totals` })).toEqual({
      ok: true,
      request: { slug: "uk-totals", revision: null, maxwidth: undefined, maxheight: undefined },
    });
    expect(ask({ url: `${SITE}/embed/worldwide?v=42`, maxwidth: "500", maxheight: "300" })).toEqual({
      ok: true,
      request: { slug: "worldwide", revision: 42, maxwidth: 500, maxheight: 300 },
    });
  });

  it.each([
    [{ url: "https://elsewhere.example/charts/uk-totals" }, 404],
    [{ url: `${SITE}/figures` }, 404],
    [{ url: `${SITE}/charts/uk-totals`, format: "xml" }, 501],
    [{ url: `${SITE}/charts/uk-totals`, format: "yaml" }, 400],
    [{ url: `${SITE}/charts/uk-totals`, maxwidth: "wide" }, 400],
    [{ url: `${SITE}/charts/uk-totals`, maxwidth: "-5" }, 400],
    [{ url: "not a url" }, 400],
    [{}, 400],
  ])("answers %j with %i", (query, status) => {
    const result = ask(query as Record<string, string>);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(status);
  });
});

describe("oembedResponse", () => {
  const chart = buildChart(
    seededChartDefinition("justice-funnel"),
    [
      figure({ id: "a", metric: "arrested", value: "2864", asOf: "2022-06-08" }),
      figure({ id: "c", metric: "charged", value: "1571", asOf: "2022-06-08" }),
      figure({ id: "v", metric: "convicted", value: "383", asOf: "2022-06-08" }),
    ],
    [],
  );

  it("is rich oEmbed with an iframe no wider than maxwidth and no taller than maxheight", () => {
    const answer = oembedResponse(
      chart,
      { slug: "justice-funnel", revision: null, maxwidth: 320, maxheight: 200 },
      SITE,
    );
    expect(answer).toMatchObject({ version: "1.0", type: "rich", width: 320, height: 200 });
    expect(answer.html).toContain(
      `<iframe src="${SITE}/embed/justice-funnel" title="From arrest to conviction in the UK" width="320" height="200"`,
    );
    expect(answer.html).toContain(`<script async src="${SITE}/embed.js"></script>`);
  });

  it("pins the iframe when the request was for a pinned embed", () => {
    const answer = oembedResponse(chart, { slug: "justice-funnel", revision: 7 }, SITE);
    expect(answer.html).toContain(`${SITE}/embed/justice-funnel?v=7`);
    expect(answer.width).toBe(640);
  });

  it("estimates a taller embed at a narrower width", () => {
    const timeline = buildChart(
      seededChartDefinition("uk-totals"),
      [figure({ id: "a", metric: "arrested", value: "746", asOf: "2020-07-02" })],
      [],
    );
    expect(embedHeight(timeline, 320)).toBeLessThan(embedHeight(timeline, 640));
    expect(embedHeight(chart, 640)).toBeGreaterThan(190);
  });
});

describe("parseEmbedParams", () => {
  const parse = (query: string) => parseEmbedParams(new URLSearchParams(query));

  it("defaults to a live, interactive embed following the reader's theme", () => {
    expect(parse("")).toEqual({ ok: true, params: { theme: "auto", static: false, revision: null } });
    expect(parse("theme=dark&static=1&v=12")).toEqual({
      ok: true,
      params: { theme: "dark", static: true, revision: 12 },
    });
  });

  it.each(["theme=purple", "static=yes", "v=0", "v=-1", "v=abc", "v=99999999999"])(
    "refuses %s with a message",
    (query) => {
      const result = parse(query);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/must be/);
    },
  );
});
