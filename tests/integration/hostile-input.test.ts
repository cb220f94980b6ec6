import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";
import { formatPartialDate, parsePartialDate } from "@/lib/domain/partial-date";
import { formatMinor, parseQuantity } from "@/lib/domain/quantity";
import { UNIT_VALUES, unitScale } from "@/lib/domain/units";
import { parseOEmbedRequest } from "@/lib/embed/oembed";
import { parseEmbedParams } from "@/lib/embed/params";
import { parseEnv } from "@/lib/env.server";

/**
 * Property-based checks: whatever text arrives (from a form, an address, a file, the
 * environment), the parsers answer with a value or a message and never throw; what they accept
 * comes back exactly.
 */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("1e400", "NaN", "-0", "Infinity", "0x10", "١٢٣", "1,2,3", "  42  "),
);

describe("quantities", () => {
  it("never throw, and what they accept formats back to the same stored value", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...UNIT_VALUES), (text, unit) => {
        const parsed = parseQuantity(text, unit);
        if (!parsed.ok) {
          expect(parsed.message.length).toBeGreaterThan(0);
        } else {
          expect(parsed.minor >= 0n).toBe(true);
          expect(parseQuantity(formatMinor(parsed.minor, unit), unit)).toEqual(parsed);
        }
      }),
    );
  });

  it("accept every decimal within the unit's precision, exactly", () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNIT_VALUES), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), (unit, minor) => {
        expect(parseQuantity(formatMinor(minor, unit), unit)).toEqual({ ok: true, minor });
        // One digit more precise than the unit allows is refused, never rounded.
        const text = formatMinor(minor, unit);
        const finer = `${text}${text.includes(".") ? "" : "."}${"0".repeat(unitScale(unit))}1`;
        expect(parseQuantity(finer, unit).ok).toBe(false);
      }),
    );
  });
});

describe("dates", () => {
  it("never throw, and accept only dates that exist", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const date = parsePartialDate(text);
        expect(formatPartialDate(text)).toEqual(expect.any(String));
        if (date?.precision === "day") {
          const real = new Date(Date.UTC(date.year, date.month! - 1, date.day));
          expect(real.getUTCDate()).toBe(date.day);
        }
      }),
    );
  });
});

describe("addresses", () => {
  const queryPairs = fc.dictionary(
    fc.constantFrom("url", "format", "maxwidth", "maxheight", "theme", "static", "v", "x"),
    anyText,
  );

  it("embed and oEmbed parameters never throw, and refusals say why", () => {
    fc.assert(
      fc.property(queryPairs, (pairs) => {
        const search = new URLSearchParams(pairs);
        const embed = parseEmbedParams(search);
        if (!embed.ok) expect(embed.message).toMatch(/must be/);
        const oembed = parseOEmbedRequest(search, "https://venetic.example.org");
        if (!oembed.ok) {
          expect([400, 404, 501]).toContain(oembed.status);
          expect(oembed.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe("the environment", () => {
  it("either configures the app or stops with a message naming a variable", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("PORT", "DATABASE_URL", "NODE_ENV", "SITE_URL", "REVALIDATE_TOKEN"), anyText),
        (vars) => {
          try {
            parseEnv(vars);
          } catch (error) {
            expect((error as Error).message).toMatch(/^Invalid configuration in the environment:\n {2}[A-Z_]+: /);
          }
        },
      ),
    );
  });
});

describe("CSV downloads", () => {
  it("parse back to the same cells, and no cell starts a formula", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, anyText), { minLength: 1, maxLength: 5 }), (rows) => {
        const csv = toCsv(
          [
            { key: "a", header: "a" },
            { key: "b", header: "b" },
          ],
          rows.map(([a, b]) => ({ a, b })),
        );
        const parsed = Papa.parse<string[]>(csv.slice(1), { newline: "\r\n" });
        const body = parsed.data.slice(1, rows.length + 1);
        body.forEach((cells, index) => {
          cells.forEach((cell, column) => {
            const original = rows[index]![column]!;
            expect(/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)).toBe(false);
            expect(cell === original || cell === `'${original}`).toBe(true);
          });
        });
      }),
    );
  });
});
