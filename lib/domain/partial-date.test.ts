import { describe, expect, it } from "vitest";
import { formatPartialDate, parsePartialDate } from "./partial-date";

describe("parsePartialDate", () => {
  it("keeps the precision the source gave", () => {
    expect(parsePartialDate("2020-07-02")?.precision).toBe("day");
    expect(parsePartialDate("2021-03")?.precision).toBe("month");
    expect(parsePartialDate("2023")?.precision).toBe("year");
  });

  it.each(["2021-02-30", "2021-13", "2021-00-10", "21-03-01", "2021/03/01", "2021-3-1", "", "1850"])(
    "refuses %j",
    (text) => {
      expect(parsePartialDate(text)).toBeNull();
    },
  );

  it("accepts 29 February in a leap year only", () => {
    expect(parsePartialDate("2024-02-29")).not.toBeNull();
    expect(parsePartialDate("2023-02-29")).toBeNull();
  });
});

describe("formatPartialDate", () => {
  it("writes dates the British way, inventing no day or month", () => {
    expect(formatPartialDate("2022-06-09")).toBe("9 June 2022");
    expect(formatPartialDate("2020-07")).toBe("July 2020");
    expect(formatPartialDate("2023")).toBe("2023");
  });
});
