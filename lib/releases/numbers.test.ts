import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalText, readDigits, readWrittenNumber, shifted, sum, HALF, type Exact } from "./numbers";

const text = (value: Exact | null) => (value ? decimalText(value) : null);

describe("readDigits", () => {
  it.each([
    ["2,864", false, "2864"],
    ["1,234.5", false, "1234.5"],
    ["5.07", false, "5.07"],
    ["76,914,575", false, "76914575"],
    ["10.000", false, "10000"],
    ["1.500", false, "1500"],
    ["1.234.567", false, "1234567"],
    ["1.250", true, "1.25"],
    ["1.234", false, "1.234"],
    ["3,5", true, "3.5"],
    ["0.5", false, "0.5"],
  ])("%s (scale word after: %s) is %s", (digits, followedByScale, expected) => {
    expect(text(readDigits(digits, followedByScale))).toBe(expected);
  });

  it.each(["0800", "12,34", "8.6.2022", "1,2345", "007"])("does not read %s", (digits) => {
    expect(readDigits(digits, false)).toBeNull();
  });
});

describe("readWrittenNumber", () => {
  const read = (words: string) => {
    const found = readWrittenNumber(words.split(" "));
    return found && { value: decimalText(found.value), used: found.used, dozen: found.dozen, one: found.one };
  };

  it.each([
    ["one", "1", 1],
    ["twelve people", "12", 1],
    ["twenty - five", "25", 3],
    ["two hundred and fifty", "250", 4],
    ["two hundred and people", "200", 2],
    ["a hundred", "100", 2],
    ["three million pounds", "3000000", 2],
    ["one hundred thousand", "100000", 3],
    ["half a million", "500000", 3],
    ["a dozen", "12", 2],
    ["two dozen", "24", 2],
    ["honderd verdachten", "100", 1],
  ])("%s → %s, using %i words", (words, value, used) => {
    expect(read(words)).toMatchObject({ value, used });
  });

  it("marks the lone word 'one' and round dozens", () => {
    expect(read("one of them")).toMatchObject({ one: true });
    expect(read("one hundred")).toMatchObject({ one: false });
    expect(read("a dozen")).toMatchObject({ dozen: true });
  });

  it.each(["dozens", "hundreds", "thousands", "a", "a few", "several", "hundred", "five six"])(
    "reads %j as no number, or only its first word",
    (words) => {
      const found = read(words);
      if (found) expect(found.used).toBe(1);
    },
  );
});

describe("exact arithmetic", () => {
  it("shifts and adds without floating point", () => {
    expect(decimalText(shifted({ digits: 115n, exponent: -2 }, 9))).toBe("1150000000");
    expect(decimalText(shifted({ digits: 500n, exponent: 0 }, -3))).toBe("0.5");
    expect(decimalText(sum({ digits: 2n, exponent: 0 }, HALF))).toBe("2.5");
  });

  it("writes any decimal back as the text it was read from", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }), (whole, places) => {
        const digits = whole.toString();
        const written = places === 0 ? digits : `${digits}.${"7".repeat(places)}`;
        expect(text(readDigits(written, false))).toBe(written.replace(/^0+(?=\d)/, ""));
      }),
    );
  });
});
