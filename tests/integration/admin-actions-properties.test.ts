import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkedAddEditor,
  checkedDeleteRecord,
  checkedImportFigures,
  checkedPreviewImport,
  checkedRequireSecondFactor,
  checkedResetPassword,
  checkedResetSecondFactor,
  checkedRevert,
  checkedSaveRecord,
  checkedSetEditorAccess,
  checkedTurnOffSecondFactor,
  checkedTurnOnSecondFactor,
} from "@/lib/admin/checked.server";
import { databaseWithEditors } from "../support/signed-in";

/**
 * Every action an editor's form can post, fed random and hostile fields on a real database:
 * none throws, each answers with a message, and one that does not report success leaves every
 * table as it was. Without a live session, none changes anything at all.
 */
const ACTIONS = {
  saveRecord: checkedSaveRecord,
  deleteRecord: checkedDeleteRecord,
  revert: checkedRevert,
  previewImport: checkedPreviewImport,
  importFigures: checkedImportFigures,
  addEditor: checkedAddEditor,
  setEditorAccess: checkedSetEditorAccess,
  resetPassword: checkedResetPassword,
  turnOnSecondFactor: checkedTurnOnSecondFactor,
  turnOffSecondFactor: checkedTurnOffSecondFactor("192.0.2.7"),
  requireSecondFactor: checkedRequireSecondFactor,
  resetSecondFactor: checkedResetSecondFactor,
};
const SUCCESS = new Set(["saved", "deleted", "reverted", "imported", "done", "preview"]);
const FIELDS = [
  "recordType",
  "id",
  "version",
  "revisionId",
  "reason",
  "csv",
  "intent",
  "email",
  "name",
  "role",
  "password",
  "access",
  "required",
  "code",
  "proof",
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
] as const;

const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: {
    chief: { email: "chief@example.org", name: "Chief", role: "admin" },
    ed: { email: "ed@example.org", name: "Ed", role: "editor" },
  },
});

/** Everything an action could change, row by row. */
async function snapshot() {
  const { prisma } = database;
  return JSON.stringify(
    await Promise.all([
      prisma.figure.findMany({ orderBy: { id: "asc" } }),
      prisma.source.findMany({ orderBy: { id: "asc" } }),
      prisma.agency.findMany({ orderBy: { id: "asc" } }),
      prisma.ruling.findMany({ orderBy: { id: "asc" } }),
      prisma.editor.findMany({ orderBy: { id: "asc" } }),
      prisma.revision.count(),
      prisma.session.count(),
    ]),
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
  );
}

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "",
    "1",
    "0",
    "-1",
    "NaN",
    "1e400",
    "admin",
    "disable",
    "yes",
    "figure",
    "source",
    "ed@example.org",
    "chief@example.org",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "x".repeat(50_000),
  ),
);
const action = fc.constantFrom(...(Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]));
const fields = fc.dictionary(fc.constantFrom(...FIELDS), hostile, { maxKeys: 6 });

describe("every admin action", () => {
  it("changes nothing without a live session, whatever it is sent", async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        action,
        fields,
        fc.constantFrom(undefined, null, "", "forged-token", editors.chief.token.slice(1)),
        async (name, values, token) => {
          const outcome = await ACTIONS[name](database.prisma, token, values);
          expect(outcome.status).toBe("refused");
        },
      ),
      { numRuns: 100 },
    );
    expect(await snapshot()).toBe(before);
  });

  it("signed in as an admin, answers hostile fields with a message and changes nothing unless it says it did", async () => {
    await fc.assert(
      fc.asyncProperty(action, fields, async (name, values) => {
        const before = await snapshot();
        const outcome = await ACTIONS[name](database.prisma, editors.chief.token, values);
        expect(typeof outcome.status).toBe("string");
        if (SUCCESS.has(outcome.status)) return;
        expect("message" in outcome && typeof outcome.message === "string" && outcome.message.length > 0).toBe(true);
        expect(await snapshot(), `${name} answered ${outcome.status} but changed the database`).toBe(before);
      }),
      { numRuns: 120 },
    );
  });
});
