import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkedSaveRecord } from "@/lib/admin/checked.server";
import { formatMinor } from "@/lib/domain/quantity";
import { QUALIFIERS } from "@/lib/domain/vocabulary";
import { databaseWithEditors } from "../support/signed-in";

/**
 * Property-based checks of the editors' save action against a real SQLite file: random and
 * hostile form values never throw and never store anything; valid figures always save and
 * read back exactly as entered.
 */
const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: { prop: { email: "prop@example.org", name: "Prop", role: "editor" } },
});

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "",
    "-1",
    "NaN",
    "1e400",
    "javascript:alert(1)",
    "<script>alert(1)</script>",
    "2021-02-30",
    "GBPX",
    "x".repeat(100_000),
  ),
);

describe("saving a record", () => {
  it("with random values never throws and never stores a broken record", async () => {
    const before = await database.prisma.figure.count();
    const sourcesBefore = await database.prisma.source.count();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("figure", "source", "agency", "ruling", "editor", ""),
        fc.dictionary(
          fc.constantFrom(
            "metricId",
            "value",
            "unit",
            "qualifier",
            "geographyId",
            "asOf",
            "sourceId",
            "label",
            "quote",
            "publisher",
            "url",
            "kind",
            "name",
            "court",
            "id",
            "version",
          ),
          hostile,
        ),
        async (recordType, values) => {
          const outcome = await checkedSaveRecord(database.prisma, editors.prop.token, { ...values, recordType });
          expect(["invalid", "refused", "conflict"]).toContain(outcome.status);
          expect(outcome.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
    expect(await database.prisma.figure.count()).toBe(before);
    expect(await database.prisma.source.count()).toBe(sourcesBefore);
  });

  it("with valid figure values always saves, and reads back exactly what was entered", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.constantFrom(...QUALIFIERS),
        fc.date({ min: new Date("2020-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }),
        fc.stringMatching(/^[A-Za-z0-9 ,.'()£%-]{1,80}$/).filter((text) => text.trim().length > 0),
        async (pence, qualifier, day, label) => {
          const value = formatMinor(pence, "GBP");
          const outcome = await checkedSaveRecord(database.prisma, editors.prop.token, {
            recordType: "figure",
            metricId: "cash",
            value,
            unit: "GBP",
            qualifier,
            geographyId: "uk",
            agencyId: "",
            asOf: day.toISOString().slice(0, 10),
            sourceId: "itv-2020-07-02",
            label,
            quote: `${label} was reported`,
            note: "",
            reason: "",
          });
          expect(outcome.status).toBe("saved");
          if (outcome.status !== "saved") return;
          const stored = await database.prisma.figure.findUniqueOrThrow({ where: { id: outcome.recordId } });
          expect([formatMinor(stored.valueMinor, "GBP"), stored.qualifier, stored.label.trim()]).toEqual([
            value,
            qualifier,
            label.trim(),
          ]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
