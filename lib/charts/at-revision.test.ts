import { describe, expect, it } from "vitest";
import { figuresAtRevision } from "./at-revision";

const figure = (id: string, valueMinor: string) =>
  JSON.stringify({
    id,
    metricId: "arrested",
    valueMinor,
    unit: "people",
    qualifier: "exact",
    geographyId: "uk",
    agencyId: null,
    asOf: "2022-06-08",
    sourceId: "nca",
    label: "People arrested",
    quote: "2,864 arrests",
    note: null,
    version: 1,
  });

describe("figuresAtRevision", () => {
  it("replays each figure's revisions to its state at the end of the list", () => {
    const figures = figuresAtRevision([
      { recordId: "a", action: "create", after: figure("a", "746") },
      { recordId: "b", action: "create", after: figure("b", "10") },
      { recordId: "a", action: "update", after: figure("a", "2864") },
      { recordId: "b", action: "delete", after: null },
    ]);
    expect(figures.map((one) => [one.id, one.valueMinor])).toEqual([["a", 2864n]]);
  });

  it("skips snapshots it cannot read rather than inventing values", () => {
    expect(figuresAtRevision([{ recordId: "a", action: "create", after: JSON.stringify({ id: "a" }) }])).toEqual([]);
  });
});
