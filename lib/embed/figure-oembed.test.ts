import { describe, expect, it } from "vitest";
import { figureCard } from "@/lib/figures/card";
import { figureFixture } from "@/tests/support/figure-fixtures";
import { figureOEmbedResponse, parseFigureOEmbedRequest } from "./figure-oembed";

const SITE = "https://venetic.example.org";
const ask = (query: Record<string, string>) => parseFigureOEmbedRequest(new URLSearchParams(query), SITE);

describe("parseFigureOEmbedRequest", () => {
  it("accepts a figure's card, live or pinned, and its row in the table", () => {
    expect(ask({ url: `${SITE}/embed/figure/nca-arrested` })).toEqual({
      ok: true,
      request: { id: "nca-arrested", revision: null, maxwidth: undefined, maxheight: undefined },
    });
    expect(ask({ url: `${SITE}/embed/figure/nca-arrested?v=42&theme=dark`, maxwidth: "300" })).toEqual({
      ok: true,
      request: { id: "nca-arrested", revision: 42, maxwidth: 300, maxheight: undefined },
    });
    expect(ask({ url: `${SITE}/figures?metric=arrested&source=nca#figure-nca-arrested` })).toMatchObject({
      ok: true,
      request: { id: "nca-arrested", revision: null },
    });
  });

  it("refuses an address shaped like a figure's that names none", () => {
    for (const url of [`${SITE}/embed/figure/%3Cscript%3E`, `${SITE}/embed/figure/`, `${SITE}/figures#figure-UPPER`]) {
      expect(ask({ url })).toMatchObject({ ok: false, status: 404 });
    }
  });

  it.each([
    [{ url: `${SITE}/charts/uk-totals` }],
    [{ url: `${SITE}/embed/uk-totals` }],
    [{ url: `${SITE}/figures` }],
    [{ url: "https://elsewhere.example/embed/figure/nca-arrested" }],
    [{ url: `${SITE}/embed/figure/nca-arrested`, format: "xml" }],
    [{ url: `${SITE}/embed/figure/nca-arrested`, maxwidth: "wide" }],
    [{ url: "not a url" }],
    [{}],
  ])("leaves %j to the charts' parser and its refusals", (query) => {
    expect(ask(query as Record<string, string>)).toBeNull();
  });
});

describe("figureOEmbedResponse", () => {
  const card = figureCard(
    figureFixture({ id: "nca-arrested", metric: "arrested", value: "2864", asOf: "2022-06-08" }),
    null,
    SITE,
  );

  it("is rich oEmbed with the card's iframe, no wider than the card or maxwidth, its image as thumbnail", () => {
    const answer = figureOEmbedResponse(card, { id: "nca-arrested", revision: null, maxwidth: 320 }, SITE);
    expect(answer).toMatchObject({
      version: "1.0",
      type: "rich",
      title: "Label of arrested: 2,864",
      width: 320,
      thumbnail_url: `${SITE}/api/figures/nca-arrested.png`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect(answer.html).toContain(`<iframe src="${SITE}/embed/figure/nca-arrested" title="Label of arrested: 2,864"`);
    expect(answer.html).toContain(`<script async src="${SITE}/embed.js"></script>`);
    expect(figureOEmbedResponse(card, { id: "nca-arrested", revision: null }, SITE).width).toBe(560);
  });

  it("pins the iframe when asked for a pinned card, and keeps within maxheight", () => {
    const answer = figureOEmbedResponse(card, { id: "nca-arrested", revision: 7, maxheight: 100 }, SITE);
    expect(answer.html).toContain(`${SITE}/embed/figure/nca-arrested?v=7"`);
    expect(answer.height).toBe(100);
  });
});
