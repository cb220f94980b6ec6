import { Cite, type CslData } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "@/lib/charts/types";
import type { FigureView } from "@/lib/figures/view";
import { figureFixture } from "@/tests/support/figure-fixtures";
import { bibtexText, citationAsBibtex } from "./bibtex";
import { citationLine, citeChart, citeFigure, type CitedRevision } from "./cited-work";
import { citationAsCsl, citationAsCslJson } from "./csl";
import { citationFileName, citationFilePath, parseCitationFile } from "./files";
import { citationInHouseStyle } from "./house-style";
import { citationAsRis } from "./ris";

const SITE = "https://venetic.example.org";
const PIN: CitedRevision = { revision: 412, compiledAt: new Date("2026-12-03T09:30:00Z") };
// Late in the evening in UTC: the day is UTC's, as every date the site shows.
const ACCESSED = new Date("2026-12-05T23:30:00Z");

function arrested(changes: Partial<FigureView> = {}, source: Partial<FigureView["source"]> = {}): FigureView {
  const figure = figureFixture({
    id: "nca-2022-06-09-arrested",
    metric: "arrested",
    value: "2864",
    asOf: "2022-06-08",
  });
  return {
    ...figure,
    label: "People arrested",
    geography: { id: "uk", label: "United Kingdom" },
    ...changes,
    source: {
      ...figure.source,
      publisher: "National Crime Agency",
      title: "Operation Venetic: 2,864 arrests",
      url: "https://www.nationalcrimeagency.gov.uk/news/venetic",
      publishedOn: "2022-06-09",
      ...source,
    },
  };
}

function chart(changes: Partial<ChartSpec> = {}): ChartSpec {
  const publisher = (id: string, name: string) => ({ ...arrested().source, id, publisher: name });
  return {
    slug: "uk-totals",
    title: "UK totals over time",
    takeaway: "",
    description: "",
    notes: [],
    sources: [
      publisher("a", "National Crime Agency"),
      publisher("b", "ITV News"),
      publisher("c", "National Crime Agency"),
      publisher("d", "BBC News"),
      publisher("e", "The Guardian"),
      publisher("f", "Merseyside Police"),
    ],
    body: { type: "panels", panels: [] },
    ...changes,
  };
}

const FIGURE_URL = `${SITE}/embed/figure/nca-2022-06-09-arrested?v=412`;
const CHART_URL = `${SITE}/embed/uk-totals?v=412`;

/** What a reference manager reads back from one of our files: the first entry, as CSL data. */
async function readBack(text: string, type?: string): Promise<CslData> {
  const cite = await Cite.async(text, type ? { forceType: type } : undefined);
  expect(cite.data).toHaveLength(1);
  return cite.data[0]!;
}

const authorName = (item: CslData) => {
  const [author] = item.author ?? [];
  return author?.literal ?? [author?.family, author?.given].filter(Boolean).join(", ");
};

describe("the house style: a figure is its source's, reported in the record; a chart is the record's", () => {
  it("cites a figure with its source beside the record, pinned to the revision", () => {
    expect(citationInHouseStyle(citeFigure(arrested(), PIN, SITE, ACCESSED))).toBe(
      "National Crime Agency (9 June 2022), “Operation Venetic: 2,864 arrests”, https://www.nationalcrimeagency.gov.uk/news/venetic; " +
        "figure “People arrested: 2,864 (United Kingdom, as at 8 June 2022)”, reported in Operation Venetic: the public record, " +
        `revision 412, compiled 3 December 2026, ${FIGURE_URL}, accessed 5 December 2026.`,
    );
  });

  it("says n.d. for an undated source, leaves out a missing title, and gives a month as a month", () => {
    const undated = citeFigure(arrested({}, { publishedOn: null, title: null }), PIN, SITE, ACCESSED);
    expect(citationInHouseStyle(undated)).toMatch(
      /^National Crime Agency \(n\.d\.\), https:\/\/www\.nationalcrimeagency\.gov\.uk\/news\/venetic; figure “People/,
    );
    const monthly = citeFigure(arrested({}, { publishedOn: "2022-06", url: "not a web address" }), PIN, SITE, ACCESSED);
    expect(citationInHouseStyle(monthly)).toMatch(
      /^National Crime Agency \(June 2022\), “Operation Venetic: 2,864 arrests”; figure/,
    );
  });

  it("cites a chart as the record's, naming the publishers it draws on once each", () => {
    expect(citationInHouseStyle(citeChart(chart(), PIN, SITE, ACCESSED))).toBe(
      "Operation Venetic: the public record (3 December 2026), “UK totals over time”, chart drawn from figures reported by " +
        `National Crime Agency, ITV News, BBC News and 2 others, revision 412, ${CHART_URL}, accessed 5 December 2026.`,
    );
    expect(
      citationInHouseStyle(citeChart(chart({ sources: chart().sources.slice(0, 2) }), PIN, SITE, ACCESSED)),
    ).toContain("chart drawn from figures reported by National Crime Agency and ITV News, revision 412");
  });
});

describe("the files: each read back by citation.js with the right title, date and pinned address", () => {
  const figure = citeFigure(arrested(), PIN, SITE, ACCESSED);
  const drawn = citeChart(chart(), PIN, SITE, ACCESSED);
  const TITLE = "People arrested: 2,864 (United Kingdom, as at 8 June 2022)";

  it("BibTeX", async () => {
    const item = await readBack(citationAsBibtex(figure));
    expect(item).toMatchObject({
      title: TITLE,
      issued: { "date-parts": [[2022, 6, 9]] },
      accessed: { "date-parts": [[2026, 12, 5]] },
      URL: FIGURE_URL,
      version: "revision 412",
    });
    expect(authorName(item)).toBe("National Crime Agency");
    expect(item.note).toContain(
      "Original source: National Crime Agency, “Operation Venetic: 2,864 arrests”, 9 June 2022",
    );

    const chartItem = await readBack(citationAsBibtex(drawn));
    expect(chartItem).toMatchObject({
      title: "UK totals over time",
      issued: { "date-parts": [[2026, 12, 3]] },
      URL: CHART_URL,
    });
    expect(authorName(chartItem)).toBe("Operation Venetic: the public record");
  });

  it("RIS", async () => {
    const item = await readBack(citationAsRis(figure), "@ris/file");
    expect(item).toMatchObject({
      type: "dataset",
      title: TITLE,
      issued: { "date-parts": [[2022, 6, 9]] },
      accessed: { "date-parts": [[2026, 12, 5]] },
      URL: FIGURE_URL,
    });
    expect(authorName(item)).toBe("National Crime Agency");
    const chartItem = await readBack(citationAsRis(drawn), "@ris/file");
    expect(chartItem).toMatchObject({
      title: "UK totals over time",
      issued: { "date-parts": [[2026, 12, 3]] },
      URL: CHART_URL,
    });
  });

  it("CSL-JSON, formatted by a CSL processor in a published style", async () => {
    const cite = await Cite.async(JSON.parse(citationAsCslJson(figure)));
    expect(cite.data[0]).toMatchObject({ type: "dataset", title: TITLE, issued: { "date-parts": [[2022, 6, 9]] } });
    const apa = cite.format("bibliography", { format: "text", template: "apa" });
    // APA gives a dataset's year alone.
    expect(apa).toContain("National Crime Agency. (2022). People arrested");
    expect(apa).toContain("(Version revision 412) [Dataset]. Operation Venetic: the public record.");
    expect(apa).toContain(TITLE);
    expect(apa).toContain(FIGURE_URL);

    const chartCite = await Cite.async(JSON.parse(citationAsCslJson(drawn)));
    expect(chartCite.data[0]).toMatchObject({ type: "figure", title: "UK totals over time", URL: CHART_URL });
    const chartApa = chartCite.format("bibliography", { format: "text", template: "apa" });
    expect(chartApa).toContain(
      "Operation Venetic: the public record. (2026). UK totals over time (Version revision 412) [Figure].",
    );
    expect(chartApa).toContain(CHART_URL);
  });

  it("a source known only to the month or year gives a date that precise, and an undated one none", async () => {
    const monthly = citeFigure(arrested({}, { publishedOn: "2021-03" }), PIN, SITE, ACCESSED);
    expect((await readBack(citationAsBibtex(monthly))).issued).toEqual({ "date-parts": [[2021, 3]] });
    expect((await readBack(citationAsRis(monthly), "@ris/file")).issued).toEqual({ "date-parts": [[2021, 3]] });
    expect(citationAsCsl(citeFigure(arrested({}, { publishedOn: "2025" }), PIN, SITE, ACCESSED)).issued).toEqual({
      "date-parts": [[2025]],
    });
    const undated = citeFigure(arrested({}, { publishedOn: null }), PIN, SITE, ACCESSED);
    expect(citationAsCsl(undated).issued).toBeUndefined();
    expect(citationAsBibtex(undated)).not.toMatch(/^ +(?:year|month|date) /m);
  });
});

describe("the files' addresses", () => {
  it("reads citation.bib, .ris and .json and nothing else", () => {
    expect(["bib", "ris", "json"].map((extension) => parseCitationFile(`citation.${extension}`))).toEqual([
      "bib",
      "ris",
      "json",
    ]);
    for (const name of [
      "citation.txt",
      "citation.BIB",
      "citation",
      "cite.bib",
      "citation.bib.bib",
      "citation.constructor",
    ]) {
      expect(parseCitationFile(name), name).toBeNull();
    }
  });

  it("pins every download to the revision cited, and names it by the thing and revision", () => {
    const figure = citeFigure(arrested(), PIN, SITE, ACCESSED);
    expect(citationFilePath(figure, "nca-2022-06-09-arrested", "ris")).toBe(
      "/api/figures/nca-2022-06-09-arrested/citation.ris?v=412",
    );
    expect(citationFileName(figure, "bib")).toBe("venetic-figure-nca-2022-06-09-arrested-r412.bib");
    expect(citationFilePath(citeChart(chart(), PIN, SITE, ACCESSED), "uk-totals", "json")).toBe(
      "/api/charts/uk-totals/citation.json?v=412",
    );
    expect(citationFileName({ key: 'a"b\r\nc' }, "bib")).toBe("a-b--c.bib");
  });
});

/**
 * Text an editor could have typed, or an import carried: TeX's and RIS's own characters and
 * sequences, quotes, line breaks, control characters, broken surrogates, any other Unicode.
 */
const hostileText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(..."\\{}%&$#_~^-`'\"@,=!?<>[]()\n\r\t\u0000\u2028 é£–—"),
      fc.constantFrom(
        "ER  - ",
        "TY  - ",
        "@misc{x,",
        "}}",
        "</script>",
        " and ",
        "--",
        "``",
        "''",
        "?`",
        "\\par",
        "\uD800",
        "\uDFFF",
      ),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    ),
    minLength: 1,
    maxLength: 40,
  })
  .filter((text) => citationLine(text) !== "");

describe("hostile titles and publishers cannot break any format", () => {
  it("BibTeX reads back the same title and publisher", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (title, publisher) => {
        const work = citeChart(chart({ title }), PIN, SITE, ACCESSED);
        const item = await readBack(citationAsBibtex(work));
        expect(item.title).toBe(citationLine(title));
        expect(item.URL).toBe(CHART_URL);
        const figure = citeFigure(arrested({}, { publisher }), PIN, SITE, ACCESSED);
        expect(authorName(await readBack(citationAsBibtex(figure)))).toBe(citationLine(publisher));
      }),
      { numRuns: 150 },
    );
  });

  it("RIS keeps one entry of one-line tags, and reads back the same title", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (title, publisher) => {
        const work = citeFigure(arrested({ label: title }, { publisher, title }), PIN, SITE, ACCESSED);
        const ris = citationAsRis(work);
        const lines = ris.split("\r\n");
        expect(lines.at(-1)).toBe("");
        expect(lines.at(-2)).toBe("ER  - ");
        for (const line of lines.slice(0, -2)) expect(line).toMatch(/^(?:TY|ID|AU|TI|PY|DA|PB|ET|UR|Y2|N1) {2}- \S/);
        const item = await readBack(ris, "@ris/file");
        expect(item.title).toBe(work.title);
        expect(item.URL).toBe(FIGURE_URL);
      }),
      { numRuns: 150 },
    );
  });

  it("CSL-JSON parses back to the same words", async () => {
    fc.assert(
      fc.property(hostileText, hostileText, (title, publisher) => {
        const work = citeFigure(arrested({ label: title }, { publisher, title }), PIN, SITE, ACCESSED);
        const [item] = JSON.parse(citationAsCslJson(work)) as CslData[];
        expect(item).toMatchObject({
          title: work.title,
          author: [{ literal: citationLine(publisher) }],
          URL: FIGURE_URL,
        });
        expect(item!["original-title"]).toBe(citationLine(title));
      }),
      { numRuns: 300 },
    );
  });

  it("escapes TeX's special characters and ligatures", () => {
    expect(bibtexText("50% of £1 & {x} #1 $2 a_b ~ ^ \\ -- `` '' ?`")).toBe(
      "50\\% of £1 \\& \\{x\\} \\#1 \\$2 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{} -{}- `{}` '{}' ?{}`",
    );
  });
});
