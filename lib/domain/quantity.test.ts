import { describe, expect, it } from "vitest";
import { formatMinor, parseQuantity, toMinor } from "./quantity";

describe("parseQuantity", () => {
  it("stores pounds as whole pence", () => {
    expect(parseQuantity("54000000", "GBP")).toEqual({ ok: true, minor: 5_400_000_000n });
    expect(parseQuantity("1,234.56", "GBP")).toEqual({ ok: true, minor: 123_456n });
    expect(parseQuantity("0.1", "GBP")).toEqual({ ok: true, minor: 10n });
  });

  it("stores kilograms as grams and counts as themselves", () => {
    expect(parseQuantity("9300.5", "kg")).toEqual({ ok: true, minor: 9_300_500n });
    expect(parseQuantity("2,864", "people")).toEqual({ ok: true, minor: 2864n });
  });

  it("accepts trailing zeros beyond the unit's precision, which change nothing", () => {
    expect(parseQuantity("746.00", "people")).toEqual({ ok: true, minor: 746n });
  });

  it.each([
    ["", "GBP", "Enter a number."],
    ["-5", "GBP", "A reported figure cannot be negative."],
    ["12.345", "GBP", "This unit allows at most 2 decimal places."],
    ["1.5", "people", "This unit counts whole numbers: enter it without decimals."],
    ["1e6", "GBP", "Enter a number using digits, such as 54000000 or 1,234.5."],
    ["12,34", "GBP", "Enter a number using digits, such as 54000000 or 1,234.5."],
    ["£54m", "GBP", "Enter a number using digits, such as 54000000 or 1,234.5."],
    ["1234567890123456", "items", "Enter at most 15 digits before the decimal point."],
  ] as const)("refuses %j in %s with a message", (input, unit, message) => {
    expect(parseQuantity(input, unit)).toEqual({ ok: false, message });
  });
});

describe("formatMinor", () => {
  it("gives back what an editor typed, as exact decimal text", () => {
    for (const input of ["0.01", "0.1", "19.99", "1234.56", "54000000", "999999999999999.99"]) {
      expect(formatMinor(toMinor(input, "GBP"), "GBP")).toBe(input);
    }
    expect(formatMinor(toMinor("0.005", "kg"), "kg")).toBe("0.005");
    expect(formatMinor(toMinor("2,000", "kg"), "kg")).toBe("2000");
  });

  it("adds pence without the errors of floating point", () => {
    const prices = ["0.10", "0.20"].map((price) => toMinor(price, "GBP"));
    const total = prices.reduce((sum, pence) => sum + pence, 0n);
    expect(formatMinor(total, "GBP")).toBe("0.3");
  });
});

describe("toMinor", () => {
  it("reads the dataset's JSON numbers exactly, however JavaScript prints them", () => {
    expect(toMinor(28_000_000, "items")).toBe(28_000_000n);
    expect(toMinor(123_456_789_012_345, "people")).toBe(123_456_789_012_345n);
    expect(() => toMinor(1e-7, "kg")).toThrow(/at most 3 decimal places/);
    expect(toMinor(9.3, "kg")).toBe(9300n);
  });

  it("throws on a value its unit cannot hold", () => {
    expect(() => toMinor(0.5, "people")).toThrow(/whole numbers/);
  });
});
