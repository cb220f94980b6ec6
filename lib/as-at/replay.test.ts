import { describe, expect, it } from "vitest";
import { replayRecord, type CurrentNames, type ReplayedRevision } from "./replay";

const NOW: CurrentNames = { metrics: [], geographies: [], agencies: [], sources: [] };

const created = (recordType: string, after: object): ReplayedRevision => ({
  recordType,
  recordId: (after as { id: string }).id,
  action: "create",
  after: JSON.stringify(after),
});
const figure = (id: string, extra: object = {}) => ({
  id,
  metricId: "arrested",
  valueMinor: "2864",
  unit: "people",
  qualifier: "exact",
  geographyId: "uk",
  asOf: "2022-06-08",
  sourceId: "nca",
  label: "Arrested",
  quote: "2,864 arrested",
  ...extra,
});
const BASE = [
  created("metric", { id: "arrested", label: "Arrested", kind: "arrest" }),
  created("geography", { id: "uk", label: "United Kingdom" }),
  created("source", { id: "nca", publisher: "NCA", url: "https://nca.example", kind: "official" }),
  created("figure", figure("a")),
  created("figure", figure("b")),
  created("conflict", { id: "a--b", figureId: "a", otherFigureId: "b" }),
];

describe("replayRecord", () => {
  it("names a figure's source as it was then, and reads the seed's snapshots without their empty columns", () => {
    const renamed = {
      ...created("source", {
        id: "nca",
        publisher: "National Crime Agency",
        url: "https://nca.example",
        kind: "official",
      }),
      action: "update",
    };
    const then = replayRecord(BASE, NOW);
    expect(then.figures.map((view) => [view.id, view.source.publisher, view.agency, view.note])).toEqual([
      ["a", "NCA", null, null],
      ["b", "NCA", null, null],
    ]);
    expect(replayRecord([...BASE, renamed], NOW).figures[0]!.source.publisher).toBe("National Crime Agency");
  });

  it("drops a deleted figure's pairs with it, and a revert's snapshot brings them back", () => {
    const deleted: ReplayedRevision = { recordType: "figure", recordId: "a", action: "delete", after: null };
    expect(replayRecord(BASE, NOW).conflicts).toEqual([{ id: "a--b", figureId: "a", otherFigureId: "b", note: null }]);
    const gone = replayRecord([...BASE, deleted], NOW);
    expect(gone.figures.map((view) => view.id)).toEqual(["b"]);
    expect(gone.conflicts).toEqual([]);
    const reverted = created(
      "figure",
      figure("a", { conflicts: [{ otherFigureId: "b", note: "Two counts" }], conflictedBy: [] }),
    );
    expect(replayRecord([...BASE, deleted, reverted], NOW).conflicts).toEqual([
      { id: "a--b", figureId: "a", otherFigureId: "b", note: "Two counts" },
    ]);
  });

  it("keeps the state before a snapshot it cannot read, and leaves out a figure it cannot show", () => {
    const garbled: ReplayedRevision = { recordType: "figure", recordId: "a", action: "update", after: "{not json" };
    const strange = { ...created("figure", figure("b", { unit: "furlongs" })), action: "update" };
    const replayed = replayRecord([...BASE, garbled, strange], NOW);
    expect(replayed.figures.map((view) => view.id)).toEqual(["a"]);
    expect(replayed.conflicts).toEqual([]);
  });
});
