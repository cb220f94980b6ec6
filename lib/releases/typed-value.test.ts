import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantity } from "@/lib/domain/quantity";
import { UNIT_VALUES } from "@/lib/domain/units";
import { readTypedValue } from "./typed-value";

const minor = (input: string, unit: Parameters<typeof readTypedValue>[1]) => {
  const read = readTypedValue(input, unit);
  return read.ok ? read.minor : read.message;
};

describe("a value typed in the figure form", () => {
  it("reads digits as before, and a release's words exactly", () => {
    expect(minor("54000000", "GBP")).toBe(5_400_000_000n);
    expect(minor("1,234.5", "kg")).toBe(1_234_500n);
    expect(minor("19 million", "people")).toBe(19_000_000n);
    expect(minor("£19m", "GBP")).toBe(1_900_000_000n);
    expect(minor("€1.15bn", "EUR")).toBe(115_000_000_000n);
    expect(minor("3 tonnes", "kg")).toBe(3_000_000n);
    expect(minor("500 grams", "kg")).toBe(500n);
    expect(minor("twelve", "people")).toBe(12n);
  });

  it("refuses what it cannot store as typed, saying what to do", () => {
    expect(minor("£19m", "EUR")).toMatch(/pounds sterling: choose that unit/);
    expect(minor("over 200", "cases")).toMatch(/More than \/ over/);
    expect(minor("-5", "people")).toBe("A reported figure cannot be negative.");
    expect(minor("1,234.5", "people")).toBe("This unit counts whole numbers: enter it without decimals.");
    expect(minor("19 million and 3", "people")).toMatch(/^Enter the number as reported/);
    expect(minor("hello", "people")).toMatch(/^Enter the number as reported/);
  });

  it("never throws, and whatever it reads is a value its unit stores", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.constantFrom(...UNIT_VALUES), (input, unit) => {
        const read = readTypedValue(input, unit);
        if (read.ok) expect(read.minor >= 0n).toBe(true);
        else expect(read.message.length).toBeGreaterThan(0);
      }),
    );
  });

  it("reads any count written with separators as the digits say", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), (value) => {
        const typed = value.toLocaleString("en-GB");
        expect(readTypedValue(typed, "people")).toEqual(parseQuantity(value.toString(), "people"));
      }),
    );
  });
});
