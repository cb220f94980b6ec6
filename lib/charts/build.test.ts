import { seededChartDefinition } from "@/lib/seed/charts";
import { describe, expect, it } from "vitest";
import { figureFixture as figure } from "@/tests/support/figure-fixtures";
import { buildChart } from "./build";
import { chartRows } from "./rows";

const figures = [
  figure({ id: "a1", metric: "arrested", value: "746", asOf: "2020-07-02", source: "itv" }),
  figure({ id: "a2", metric: "arrested", value: "1550", asOf: "2021-03", qualifier: "more-than", source: "essex" }),
  figure({ id: "a3", metric: "arrested", value: "2864", asOf: "2022-06-08", source: "nca" }),
  figure({ id: "c3", metric: "charged", value: "1571", asOf: "2022-06-08", source: "nca" }),
  figure({ id: "v3", metric: "convicted", value: "383", asOf: "2022-06-08", source: "nca" }),
  figure({ id: "v4", metric: "convicted", value: "950", asOf: "2023-03-16", source: "chambers" }),
  figure({
    id: "cash1",
    metric: "cash",
    value: "54000000",
    unit: "GBP",
    kind: "seizure",
    qualifier: "more-than",
    asOf: "2020-07-02",
    source: "itv",
  }),
  figure({
    id: "cash2",
    metric: "cash",
    value: "56800000",
    unit: "GBP",
    kind: "seizure",
    asOf: "2021-03",
    source: "essex",
  }),
  figure({
    id: "cash3",
    metric: "cash",
    value: "76914575",
    unit: "GBP",
    kind: "seizure",
    asOf: "2022-06-08",
    source: "nca",
  }),
  figure({
    id: "guns",
    metric: "firearms",
    value: "77",
    unit: "items",
    kind: "seizure",
    asOf: "2020-07-02",
    source: "itv",
  }),
  figure({ id: "mersey1", metric: "arrested", value: "130", geography: "merseyside", asOf: "2021-07-02" }),
  figure({ id: "mersey2", metric: "arrested", value: "196", geography: "merseyside", asOf: "2022" }),
  figure({ id: "scot", metric: "arrested", value: "59", geography: "scotland", asOf: "2020-07-02" }),
  figure({
    id: "nl",
    metric: "arrested",
    value: "100",
    geography: "netherlands",
    agencyCountry: "NL",
    asOf: "2020-07-02",
  }),
  figure({
    id: "w-old",
    metric: "users",
    unit: "users",
    kind: "other",
    value: "60000",
    geography: "worldwide",
    asOf: "2020-07-02",
  }),
  figure({ id: "w-arr", metric: "arrested", value: "6558", geography: "worldwide", asOf: "2023-06-27" }),
  figure({
    id: "w-coke",
    metric: "cocaine",
    unit: "kg",
    kind: "seizure",
    value: "103500",
    geography: "worldwide",
    asOf: "2023-06-27",
  }),
];
const rulings = [
  { id: "r1", date: "2021-02-05", court: "Court of Appeal", caseName: "R v A", outcome: "Admissible" },
  { id: "r2", date: null, court: "Hoge Raad", caseName: null, outcome: "Reported" },
];

describe("the UK totals timeline", () => {
  const chart = buildChart(seededChartDefinition("uk-totals"), figures, rulings);

  it("draws each UK report of arrests, charges and convictions in date order", () => {
    if (chart.body.type !== "timeline") throw new Error("expected a timeline");
    expect(chart.body.series.map((series) => [series.key, series.points.map((point) => point.figureId)])).toEqual([
      ["arrested", ["a1", "a2", "a3"]],
      ["charged", ["c3"]],
      ["convicted", ["v3", "v4"]],
    ]);
    expect(chart.body.markers.map((marker) => marker.id)).toEqual(["r1"]);
  });

  it("says how the totals grew, with qualifiers and dates", () => {
    expect(chart.takeaway).toBe(
      "Metric arrested from 746 (2 July 2020) to 2,864 (8 June 2022), metric charged: 1,571 (8 June 2022) and metric convicted from 383 (8 June 2022) to 950 (16 March 2023).",
    );
    expect(chart.description).toContain("over 1,550 in March 2021 (Publisher essex)");
    expect(chart.description).toContain("Court rulings marked: 5 February 2021: Court of Appeal, R v A.");
  });

  it("names every source it draws from, once", () => {
    expect(chart.sources.map((source) => source.id)).toEqual(["itv", "essex", "nca", "chambers"]);
  });
});

describe("the justice funnel", () => {
  it("uses the latest report that gives all three stages on one date", () => {
    const chart = buildChart(seededChartDefinition("justice-funnel"), figures, rulings);
    if (chart.body.type !== "panels") throw new Error("expected panels");
    expect(chart.body.panels[0]?.bars.map((bar) => bar.figureId)).toEqual(["a3", "c3", "v3"]);
    expect(chart.takeaway).toBe(
      "Of 2,864 metric arrested by 8 June 2022, 1,571 metric charged (55%) and 383 metric convicted (13%).",
    );
  });

  it("says so when no report gives all three", () => {
    const chart = buildChart(
      seededChartDefinition("justice-funnel"),
      figures.filter((f) => f.metric.id !== "charged"),
      rulings,
    );
    expect(chart.takeaway).toBe("No figures have been recorded for this chart yet.");
    expect(chart.description).toContain("no figures have been recorded");
  });
});

describe("UK seizures", () => {
  it("shows the first and the latest figure of each category, cash first", () => {
    const chart = buildChart(seededChartDefinition("uk-seizures"), figures, rulings);
    if (chart.body.type !== "panels") throw new Error("expected panels");
    expect(chart.body.panels.map((panel) => [panel.key, panel.bars.map((bar) => bar.figureId)])).toEqual([
      ["cash", ["cash1", "cash3"]],
      ["firearms", ["guns"]],
    ]);
    expect(chart.body.panels[0]?.bars.map((bar) => bar.display)).toEqual(["over £54 million", "£76.9 million"]);
  });
});

describe("arrests by region", () => {
  it("keeps each UK area's latest report, largest first, and leaves out other countries", () => {
    const chart = buildChart(seededChartDefinition("arrests-by-region"), figures, rulings);
    if (chart.body.type !== "panels") throw new Error("expected panels");
    expect(chart.body.panels[0]?.bars.map((bar) => [bar.figureId, bar.label])).toEqual([
      ["mersey2", "merseyside (2022)"],
      ["scot", "scotland (2 July 2020)"],
    ]);
  });
});

describe("worldwide results", () => {
  it("shows the latest month's worldwide figures, grouped by unit", () => {
    const chart = buildChart(seededChartDefinition("worldwide"), figures, rulings);
    if (chart.body.type !== "panels") throw new Error("expected panels");
    expect(chart.body.panels.map((panel) => [panel.title, panel.bars.map((bar) => bar.figureId)])).toEqual([
      ["People", ["w-arr"]],
      ["Kilograms", ["w-coke"]],
    ]);
    expect(chart.takeaway).toBe(
      "By 27 June 2023, 6,558 people had been arrested worldwide; 2 results were reported in all.",
    );
  });
});

describe("chartRows", () => {
  it("gives one row per drawn figure with its exact value and source address", () => {
    const rows = chartRows(buildChart(seededChartDefinition("uk-seizures"), figures, rulings));
    expect(rows[1]).toMatchObject({
      group: "Metric cash",
      exact: "76914575",
      unit: "GBP",
      display: "£76.9 million",
      sourceUrl: "https://example.org/nca",
      figureId: "cash3",
    });
  });
});

describe("a chart of the latest figure by area, of a metric other than arrests", () => {
  it("says which area reported the most of that metric, in the metric's words", () => {
    const chart = buildChart(
      { ...seededChartDefinition("arrests-by-region"), metrics: ["cash"], areas: [] },
      [
        figure({ id: "a", metric: "cash", value: "3000000", unit: "GBP", asOf: "2021-06", geography: "merseyside" }),
        figure({ id: "b", metric: "cash", value: "1000000", unit: "GBP", asOf: "2021-03", geography: "cheshire" }),
      ],
      [],
    );
    expect(chart.takeaway).toMatch(/^Merseyside reported the most metric cash: /);
  });
});
