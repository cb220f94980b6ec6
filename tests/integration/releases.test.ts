import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkedProposeRelease, checkedSaveRelease } from "@/lib/admin/checked.server";
import { SIGNED_OUT_MESSAGE } from "@/lib/auth/guard.server";
import { releaseParts, ROW_FIELDS } from "@/lib/releases/release-form";
import { databaseWithEditors } from "../support/signed-in";

const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: { ed: { email: "ed@example.org", name: "Ed", role: "editor" } },
});

const RELEASE = {
  sourceMode: "existing",
  sourceId: "nca-2022-06-09",
  passage: "Since then, 2,864 people have been arrested and £76.9 million in criminal cash seized.",
  asOf: "2022-06-08",
  geographyId: "uk",
  agencyId: "nca",
  reason: "",
};

const counts = async () => ({
  figures: await database.prisma.figure.count(),
  sources: await database.prisma.source.count(),
  revisions: await database.prisma.revision.count(),
});

async function proposedRows(values: Record<string, string> = RELEASE) {
  const outcome = await checkedProposeRelease(database.prisma, editors.ed.token, values);
  if (outcome.status !== "proposed") throw new Error(JSON.stringify(outcome));
  return outcome.rows;
}

function asForm(rows: Record<string, string>[], values: Record<string, string> = RELEASE) {
  return {
    ...values,
    ...Object.fromEntries(
      rows.flatMap((row, index) => Object.entries(row).map(([field, value]) => [`figures.${index}.${field}`, value])),
    ),
  };
}

describe("entering a release", () => {
  it("proposes the passage's figures with the release's date and area, writing nothing", async () => {
    const before = await counts();
    const rows = await proposedRows();
    expect(rows.map((row) => [row.value, row.unit, row.qualifier, row.metricId, row.asOf, row.geographyId])).toEqual([
      ["2864", "people", "exact", "arrested", "2022-06-08", "uk"],
      ["76900000", "GBP", "exact", "cash", "2022-06-08", "uk"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("proposes a figure the record already has unticked, saying which", async () => {
    const outcome = await checkedProposeRelease(database.prisma, editors.ed.token, RELEASE);
    if (outcome.status !== "proposed") throw new Error(JSON.stringify(outcome));
    // The release's 2,864 arrests are stored; its rounded £76.9 million is not the stored £76,914,575.
    expect(outcome.rows.map((row) => row.include)).toEqual(["", "on"]);
    expect(outcome.repeats).toEqual({ 0: "The record already has this figure (nca-2022-06-09-arrested)." });
    const another = await checkedProposeRelease(database.prisma, editors.ed.token, { ...RELEASE, asOf: "2022-07" });
    if (another.status !== "proposed") throw new Error(JSON.stringify(another));
    expect([another.rows.map((row) => row.include), another.repeats]).toEqual([["on", "on"], {}]);
  });

  it("saves nothing without a live session, and says so", async () => {
    const before = await counts();
    const rows = await proposedRows();
    for (const token of [null, "not-a-session"]) {
      expect(await checkedSaveRelease(database.prisma, token, asForm(rows))).toEqual({
        status: "refused",
        message: SIGNED_OUT_MESSAGE,
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a source that does not exist, and a unit the metric is not counted in, saving none of the release", async () => {
    const before = await counts();
    const rows = await proposedRows();
    const noSource = await checkedSaveRelease(
      database.prisma,
      editors.ed.token,
      asForm(rows, { ...RELEASE, sourceId: "no-such-source" }),
    );
    expect(noSource).toMatchObject({ status: "invalid", fieldErrors: { sourceId: expect.any(Array) } });
    const wrongUnit = await checkedSaveRelease(
      database.prisma,
      editors.ed.token,
      asForm([rows[0]!, { ...rows[1]!, unit: "kg" }]),
    );
    expect(wrongUnit).toMatchObject({ status: "invalid", fieldErrors: { "figures.1.unit": expect.any(Array) } });
    expect(await counts()).toEqual(before);
  });

  it("saves the ticked figures as one change, each with its revision and the release's reason", async () => {
    const rows = await proposedRows();
    const outcome = await checkedSaveRelease(
      database.prisma,
      editors.ed.token,
      asForm(
        [
          { ...rows[0]!, include: "on" },
          { ...rows[1]!, include: "" },
        ],
        { ...RELEASE, reason: "NCA update" },
      ),
    );
    expect(outcome).toMatchObject({ status: "saved", figureIds: ["nca-2022-06-09-arrested-uk"] });
    const revision = await database.prisma.revision.findFirstOrThrow({
      where: { recordId: "nca-2022-06-09-arrested-uk" },
    });
    expect(revision.reason).toBe("Release: National Crime Agency, 9 June 2022: NCA update");
  });

  it("reads any form without failing: rows only from their own names, in order, and nothing saved from nonsense", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 30 }), fc.string({ maxLength: 50 }), { maxKeys: 12 }),
        async (form) => {
          const { rows } = releaseParts(form);
          for (const row of rows) expect(Object.keys(row).sort()).toEqual([...ROW_FIELDS].sort());
          const before = await counts();
          const outcome = await checkedSaveRelease(database.prisma, editors.ed.token, form);
          expect(["invalid", "refused"]).toContain(outcome.status);
          expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});
