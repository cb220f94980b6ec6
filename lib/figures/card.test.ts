import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figureFixture } from "@/tests/support/figure-fixtures";
import {
  figureCard,
  figureCardHeight,
  figureCardPath,
  figureRecordPath,
  isFigureId,
  parseFigureImageFile,
} from "./card";
import { parseFigureTableQuery } from "./table-query";

const SITE = "https://venetic.example.org";
const arrested = figureFixture({
  id: "nca-2022-06-09-arrested",
  metric: "arrested",
  value: "2864",
  asOf: "2022-06-08",
});
const idCharacter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-".split(""));
const figureId = fc
  .tuple(fc.constantFrom(..."abcxyz019".split("")), fc.array(idCharacter, { maxLength: 119 }))
  .map(([first, rest]) => first + rest.join(""));

describe("the figure image's file name", () => {
  it("names the figure of any id as records are named", () => {
    fc.assert(
      fc.property(figureId, (id) => {
        expect(parseFigureImageFile(`${id}.png`)).toBe(id);
      }),
    );
  });

  it("names a figure only when the whole name is <id>.png, whatever else it is given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 140 }), (file) => {
        const id = parseFigureImageFile(file);
        if (id !== null) {
          expect(`${id}.png`).toBe(file);
          expect(isFigureId(id)).toBe(true);
        }
      }),
    );
  });

  it.each([
    "nca-2022-06-09-arrested.svg",
    "nca-2022-06-09-arrested",
    ".png",
    "-leading-hyphen.png",
    "Upper.png",
    " padded.png",
    "padded .png",
    "a/b.png",
    "a%2Fb.png",
    "<script>.png",
    `${"a".repeat(121)}.png`,
  ])("refuses %j", (file) => {
    expect(parseFigureImageFile(file)).toBeNull();
  });
});

describe("a figure's card", () => {
  it("links back to the figure's row, in a view of the table that shows it", () => {
    const card = figureCard(arrested, null, SITE);
    expect(card.recordUrl).toBe(`${SITE}/figures?metric=arrested&source=source-a#figure-nca-2022-06-09-arrested`);
    const view = parseFigureTableQuery(Object.fromEntries(new URL(card.recordUrl).searchParams));
    expect(view.notices).toEqual([]);
    expect(view.query.filters).toMatchObject({ metric: "arrested", source: "source-a" });
    expect(figureRecordPath(arrested)).toBe(card.recordUrl.slice(SITE.length));
  });

  it("has its own address, image and oEmbed, live or pinned", () => {
    expect(figureCard(arrested, null, SITE)).toMatchObject({
      display: "2,864",
      area: "uk (area)",
      asOfDisplay: "8 June 2022",
      source: { publisher: "Publisher source-a", dateDisplay: "8 June 2022", url: "https://example.org/source-a" },
      cardUrl: `${SITE}/embed/figure/nca-2022-06-09-arrested`,
      imageUrl: `${SITE}/api/figures/nca-2022-06-09-arrested.png`,
      oembedUrl: `${SITE}/api/oembed?url=${encodeURIComponent(`${SITE}/embed/figure/nca-2022-06-09-arrested`)}&format=json`,
    });
    const pinned = figureCard(arrested, 42, SITE);
    expect(pinned.cardUrl).toBe(`${SITE}${figureCardPath(arrested.id, 42)}`);
    expect(pinned.cardUrl).toMatch(/\?v=42$/);
    expect(pinned.imageUrl).toMatch(/\.png\?v=42$/);
  });

  it("does not link a stored source address that is not a web address", () => {
    const odd = { ...arrested, source: { ...arrested.source, url: "javascript:alert(1)" } };
    expect(figureCard(odd, null, SITE).source.url).toBeNull();
  });

  it("is estimated taller when its label wraps, or the card is narrower", () => {
    const card = figureCard(arrested, null, SITE);
    const long = { ...card, label: "People arrested in the United Kingdom under Operation Venetic ".repeat(3) };
    expect(figureCardHeight(long, 560)).toBeGreaterThan(figureCardHeight(card, 560));
    expect(figureCardHeight(long, 300)).toBeGreaterThan(figureCardHeight(long, 560));
    expect(figureCardHeight(card, 560)).toBeGreaterThan(150);
    expect(figureCardHeight(card, 560)).toBeLessThan(260);
  });
});
