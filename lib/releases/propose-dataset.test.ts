import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseQuantity, toMinor } from "@/lib/domain/quantity";
import { FOUNDING_SOURCE_ID, type DatasetFigure } from "@/lib/seed/dataset";
import { FOUNDING_ARTICLE_FILE, loadDataset } from "@/lib/seed/load.server";
import { proposeFigures, type MetricHint, type ProposedFigure } from "./propose";

/**
 * The parser against the record itself: every figure the shipped dataset holds was typed by an
 * editor from a quote, so the quote is a passage whose right answer is known. Issue 15 asks
 * that at least 80% be proposed exactly (value, unit and qualifier); the README states the figure.
 */

const dataset = loadDataset();
const metrics: MetricHint[] = dataset.vocabulary.metric.map((metric) => ({
  id: metric.value,
  label: metric.label,
  kind: metric.kind,
  units: metric.units,
}));

/** The same value (compared exactly, in the figure's unit), unit and qualifier. */
function proposesExactly(proposal: ProposedFigure, figure: DatasetFigure): boolean {
  if (proposal.unit !== figure.unit || proposal.qualifier !== figure.qualifier) return false;
  const read = parseQuantity(proposal.value, proposal.unit);
  return read.ok && read.minor === toMinor(figure.value, figure.unit);
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

describe("the parser over the dataset's quotes", () => {
  it("proposes at least 80% of the dataset's figures exactly from their quotes", () => {
    const misses: string[] = [];
    let exactly = 0;
    let withMetric = 0;
    for (const figure of dataset.figures) {
      const matches = proposeFigures(figure.quote, metrics).filter((proposal) => proposesExactly(proposal, figure));
      if (matches.length === 0) {
        misses.push(`${figure.id}: ${figure.value} ${figure.unit}, ${figure.qualifier}`);
        continue;
      }
      exactly += 1;
      if (matches.some((proposal) => proposal.metric === figure.metric)) withMetric += 1;
    }
    const total = dataset.figures.length;
    // The issue asks the test to print these figures; the README quotes them.
    // eslint-disable-next-line no-console
    console.log(
      [
        `Parser: ${exactly} of ${total} dataset quotes proposed exactly (${percent(exactly, total)})`,
        `Parser: metric guessed for ${withMetric} of those ${exactly} (${percent(withMetric, exactly)})`,
        ...misses.map((miss) => `Parser: not proposed: ${miss}`),
      ].join("\n"),
    );
    expect(exactly / total).toBeGreaterThanOrEqual(0.8);
    expect(withMetric / exactly).toBeGreaterThanOrEqual(0.8);
  });
});

describe("the founding article (ITV News, 2 July 2020)", () => {
  // The app's own copy of the article, as the seed reads it.
  const article = readFileSync(FOUNDING_ARTICLE_FILE, "utf8");
  const proposals = proposeFigures(article, metrics);
  const founding = dataset.figures.filter((figure) => figure.sourceId === FOUNDING_SOURCE_ID);

  it("has the thirteen figures the record took from it", () => {
    expect(founding).toHaveLength(13);
  });

  /** The proposal an editor would tick for a figure: exact, and of its metric if one is. */
  const ticked = founding.map((figure) => {
    const exact = proposals.filter((candidate) => proposesExactly(candidate, figure));
    return exact.find((candidate) => candidate.metric === figure.metric) ?? exact[0];
  });

  it("proposes each of them, with its value, unit, qualifier and metric", () => {
    const found = founding.map((figure, index) => ({
      figure: figure.id,
      matched: ticked[index]?.matched,
      metric: ticked[index]?.metric,
    }));
    expect(found).toEqual([
      { figure: "itv-2020-07-02-arrested", matched: "746", metric: "arrested" },
      { figure: "itv-2020-07-02-cash", matched: "Over £54 million", metric: "cash" },
      { figure: "itv-2020-07-02-firearms", matched: "77", metric: "firearms" },
      { figure: "itv-2020-07-02-assault-rifles", matched: "an AK47 assault rifle", metric: "assault-rifles" },
      { figure: "itv-2020-07-02-grenades", matched: "four", metric: "grenades" },
      { figure: "itv-2020-07-02-ammunition", matched: "over 1,800", metric: "ammunition" },
      { figure: "itv-2020-07-02-drugs-class-a-and-b", matched: "More than two tonnes", metric: "drugs-class-a-and-b" },
      { figure: "itv-2020-07-02-etizolam-pills", matched: "Over 28 million", metric: "etizolam-pills" },
      { figure: "itv-2020-07-02-high-value-cars", matched: "55", metric: "high-value-cars" },
      { figure: "itv-2020-07-02-luxury-watches", matched: "73", metric: "luxury-watches" },
      { figure: "itv-2020-07-02-threats-to-life-mitigated", matched: "over 200", metric: "threats-to-life-mitigated" },
      { figure: "itv-2020-07-02-users-worldwide", matched: "60,000", metric: "users" },
      { figure: "itv-2020-07-02-users-uk", matched: "around 10,000", metric: "users" },
    ]);
  });

  it("proposes besides them only what the article's first paragraph also says, for the editor to untick", () => {
    const extra = proposals.filter((proposal) => !ticked.includes(proposal));
    expect(
      extra.map(({ matched, value, unit, qualifier, metric }) => ({ matched, value, unit, qualifier, metric })),
    ).toEqual([
      { matched: "£54 million", value: "54000000", unit: "GBP", qualifier: "exact", metric: "cash" },
      { matched: "over two tonnes", value: "2000", unit: "kg", qualifier: "more-than", metric: "drugs-all" },
    ]);
  });
});
