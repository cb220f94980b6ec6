import { describe, expect, it } from "vitest";
import { toMinor } from "@/lib/domain/quantity";
import { figureValueLine } from "./view";

describe("figureValueLine", () => {
  const row = {
    valueMinor: toMinor(54_000_000, "GBP"),
    unit: "GBP",
    qualifier: "more-than",
    asOf: "2020-07-02",
    geography: { label: "United Kingdom" },
    source: { publisher: "ITV News" },
  };

  it("gives the value as reported, the area, the date described and the publisher", () => {
    expect(figureValueLine(row)).toBe("over £54 million · United Kingdom · 2 July 2020 · ITV News");
  });

  it("shows the bare number of a value whose unit or qualifier it does not know", () => {
    expect(figureValueLine({ ...row, valueMinor: 7n, unit: "parsecs" })).toBe(
      "7 · United Kingdom · 2 July 2020 · ITV News",
    );
    expect(figureValueLine({ ...row, valueMinor: 7n, qualifier: "roughly" })).toBe(
      "7 · United Kingdom · 2 July 2020 · ITV News",
    );
  });
});
