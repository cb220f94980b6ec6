import { describe, expect, it } from "vitest";
import { toMinor } from "@/lib/domain/quantity";
import { formatAxisNumber, formatFigure, formatQuantity } from "./format";

describe("formatFigure", () => {
  it("keeps the source's qualifier in front of the number", () => {
    expect(formatFigure(toMinor(54_000_000, "GBP"), "GBP", "more-than")).toBe("over £54 million");
    expect(formatFigure(toMinor(746, "people"), "people", "exact")).toBe("746");
    expect(formatFigure(toMinor(10_000, "users"), "users", "about")).toBe("about 10,000");
    expect(formatFigure(toMinor(20_000_000, "EUR"), "EUR", "almost")).toBe("almost €20 million");
    expect(formatFigure(toMinor(2000, "kg"), "kg", "more-than")).toBe("over 2 tonnes");
  });
});

describe("formatQuantity", () => {
  it.each([
    ["GBP", 1_700_000, "£1.7 million"],
    ["GBP", 3600, "£3,600"],
    ["GBP", "12.5", "£12.50"],
    ["EUR", 900_000_000, "€900 million"],
    ["kg", 9300, "9.3 tonnes"],
    ["kg", 1000, "1 tonne"],
    ["kg", 450, "450 kg"],
    ["people", 2864, "2,864"],
    ["items", 28_000_000, "28 million"],
    ["users", 1_250_000_000, "1.3 billion"],
    ["GBP", 76_914_575, "£76.9 million"],
  ] as const)("formats %s %s as %s", (unit, value, expected) => {
    expect(formatQuantity(toMinor(value, unit), unit)).toBe(expected);
  });
});

describe("formatAxisNumber", () => {
  it("writes millions and billions short enough for a phone's axis, smaller numbers in full", () => {
    expect([80e6, 1.5e9, 56.84e6, 2864, 0].map(formatAxisNumber)).toEqual(["80m", "1.5bn", "56.8m", "2,864", "0"]);
  });
});
