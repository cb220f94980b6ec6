import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv } from "@/lib/csv";
import { figureFixture } from "@/tests/support/figure-fixtures";
import { figuresCsv, toFigureExport } from "./export";

const figure = toFigureExport(
  figureFixture({
    id: "itv-2020-07-02-cash",
    metric: "cash",
    value: "54000000",
    unit: "GBP",
    kind: "seizure",
    asOf: "2020-07-02",
  }),
  [],
);

/** The CSV's rows, each cell by its column's name. */
function rowsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(csv).map((record) => record.cells ?? []);
  return rows.map((cells) => Object.fromEntries(header!.map((name, index) => [name, cells[index] ?? ""])));
}

describe("the figures CSV", () => {
  it("names the metric and the area beside their ids", () => {
    expect(rowsOf(figuresCsv([figure]))[0]).toMatchObject({
      metric: "cash",
      metric_label: "Metric cash",
      area: "uk",
      area_label: "uk (area)",
    });
  });

  it("carries any name an admin gives a metric or an area, read back as given (a formula's start defused)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (metricLabel, areaLabel) => {
        const [row] = rowsOf(figuresCsv([{ ...figure, metricLabel, areaLabel }]));
        expect([metricLabel, `'${metricLabel}`]).toContain(row!.metric_label);
        expect([areaLabel, `'${areaLabel}`]).toContain(row!.area_label);
        expect([row!.metric, row!.area]).toEqual(["cash", "uk"]);
      }),
    );
  });
});
