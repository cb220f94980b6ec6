import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asAtValue, dayOf, endOfDay, parseAsAt } from "./param";

describe("parseAsAt", () => {
  it("reads nothing as the live record", () => {
    expect(parseAsAt(null)).toEqual({ ok: true, asked: null });
    expect(parseAsAt("  ")).toEqual({ ok: true, asked: null });
  });

  it("reads a calendar day and a revision number", () => {
    expect(parseAsAt("2026-11-30")).toEqual({ ok: true, asked: { date: "2026-11-30" } });
    expect(parseAsAt("2024-02-29")).toEqual({ ok: true, asked: { date: "2024-02-29" } });
    expect(parseAsAt("42")).toEqual({ ok: true, asked: { revision: 42 } });
  });

  it.each(["2026-02-30", "2025-02-29", "2026-13-01", "2026-11", "0", "042", "-3", "1e3", "12345678901", "today"])(
    "refuses %s with a sentence",
    (value) => {
      const parsed = parseAsAt(value);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain("neither a day nor a revision number");
    },
  );

  it("answers any text without throwing, and what it accepts asks for itself again", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const parsed = parseAsAt(value);
        if (parsed.ok && parsed.asked) expect(parseAsAt(asAtValue(parsed.asked))).toEqual(parsed);
      }),
    );
  });
});

describe("days", () => {
  it("ends a day at the next midnight UTC", () => {
    expect(endOfDay("2026-11-30").toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(dayOf(new Date("2026-11-30T23:59:59.999Z"))).toBe("2026-11-30");
  });
});
