import { describe, expect, it } from "vitest";
import { describeFigureTable } from "./table-caption";
import { DEFAULT_FIGURE_TABLE_QUERY, NO_FILTERS } from "./table-query";

describe("describeFigureTable", () => {
  it("says what the table holds and how it is ordered", () => {
    expect(describeFigureTable(DEFAULT_FIGURE_TABLE_QUERY)).toBe(
      "Every figure, sorted by the date described, oldest first.",
    );
    expect(
      describeFigureTable({
        ...DEFAULT_FIGURE_TABLE_QUERY,
        filters: { ...NO_FILTERS, kind: "seizure" },
        sort: "value",
        dir: "desc",
      }),
    ).toBe("Figures matching the filters, sorted by value within each unit, largest first.");
  });
});
