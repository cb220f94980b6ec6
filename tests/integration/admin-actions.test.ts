import { describe, expect, it } from "vitest";
import { disableEditor } from "@/lib/auth/editors.server";
import { createSession, NO_CLIENT } from "@/lib/auth/sessions.server";
import {
  checkedDeleteRecord,
  checkedImportFigures,
  checkedPreviewImport,
  checkedRevert,
  checkedSaveRecord,
} from "@/lib/admin/checked.server";
import { SIGNED_OUT_MESSAGE } from "@/lib/auth/guard.server";
import { CONFLICT_MESSAGE } from "@/lib/admin/records";
import { databaseWithEditors, signedInEditor } from "../support/signed-in";

const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: { ed: { email: "ed@example.org", name: "Ed", role: "editor" } },
});

const FIGURE = {
  recordType: "figure",
  metricId: "arrested",
  value: "1,234",
  unit: "people",
  qualifier: "more-than",
  geographyId: "uk",
  agencyId: "",
  asOf: "2024-03",
  sourceId: "itv-2020-07-02",
  label: "People arrested (test)",
  quote: "more than 1,234 people were arrested",
  note: "",
  reason: "",
};

const SOURCE = {
  recordType: "source",
  publisher: "Test Gazette",
  title: "A test story",
  url: "https://example.org/story",
  publishedOn: "2024-03-01",
  dateNote: "",
  kind: "press",
  copy: "original",
  copyOf: "",
  note: "",
  reason: "",
};

const counts = async () => ({
  figures: await database.prisma.figure.count(),
  sources: await database.prisma.source.count(),
  agencies: await database.prisma.agency.count(),
  rulings: await database.prisma.ruling.count(),
  revisions: await database.prisma.revision.count(),
});

async function createFigure(overrides: Record<string, string> = {}): Promise<string> {
  const outcome = await checkedSaveRecord(database.prisma, editors.ed.token, { ...FIGURE, ...overrides });
  if (outcome.status !== "saved") throw new Error(JSON.stringify(outcome));
  return outcome.recordId;
}

describe("every action refuses without a live session, and changes nothing", async () => {
  const figureId = "itv-2020-07-02-cash";
  const calls = {
    "create a figure": (sessionToken: string | null) => checkedSaveRecord(database.prisma, sessionToken, FIGURE),
    "edit a figure": (sessionToken: string | null) =>
      checkedSaveRecord(database.prisma, sessionToken, {
        ...FIGURE,
        id: figureId,
        version: "1",
        changeKind: "fix",
        reason: "r",
      }),
    "delete a figure": (sessionToken: string | null) =>
      checkedDeleteRecord(database.prisma, sessionToken, {
        recordType: "figure",
        id: figureId,
        version: "1",
        changeKind: "correction",
        reason: "r",
      }),
    "revert a change": (sessionToken: string | null) =>
      checkedRevert(database.prisma, sessionToken, { revisionId: "1" }),
    "import figures": (sessionToken: string | null) =>
      checkedImportFigures(database.prisma, sessionToken, { csv: "metricId,value\narrested,1" }),
    "preview an import": (sessionToken: string | null) =>
      checkedPreviewImport(database.prisma, sessionToken, { csv: "" }),
  };

  const sessions: Record<string, () => Promise<string | null>> = {
    "no session": async () => null,
    "a made-up token": async () => "forged-token",
    "an expired session": async () =>
      (await createSession(database.prisma, editors.ed.id, NO_CLIENT, new Date("2020-01-01T00:00:00Z"))).token,
    "a disabled editor": async () => {
      const editor = await signedInEditor(database.prisma, {
        email: `gone-${Math.random()}@example.org`,
        name: "Gone",
        role: "admin",
      });
      await disableEditor(database.prisma, editor.email);
      return editor.token;
    },
  };

  for (const [what, call] of Object.entries(calls)) {
    for (const [who, session] of Object.entries(sessions)) {
      it(`${what} with ${who}`, async () => {
        const sessionToken = await session();
        const before = await counts();
        const figure = await database.prisma.figure.findUniqueOrThrow({ where: { id: figureId } });
        expect(await call(sessionToken)).toEqual({ status: "refused", message: SIGNED_OUT_MESSAGE });
        expect(await counts()).toEqual(before);
        expect(await database.prisma.figure.findUniqueOrThrow({ where: { id: figureId } })).toEqual(figure);
      });
    }
  }
});

describe("hostile input is refused field by field, with nothing stored", () => {
  const megabyte = "x".repeat(1024 * 1024);
  const cases: [string, Record<string, string>, string][] = [
    ["an empty value", { ...FIGURE, value: "" }, "value"],
    ["a negative value", { ...FIGURE, value: "-5" }, "value"],
    ["NaN", { ...FIGURE, value: "NaN" }, "value"],
    ["1e400", { ...FIGURE, value: "1e400" }, "value"],
    ["Infinity", { ...FIGURE, value: "Infinity" }, "value"],
    ["a 1 MB value", { ...FIGURE, value: megabyte }, "value"],
    ["a 1 MB label", { ...FIGURE, label: megabyte }, "label"],
    ["a 1 MB quote", { ...FIGURE, quote: megabyte }, "quote"],
    ["an empty label", { ...FIGURE, label: "   " }, "label"],
    ["an unknown unit", { ...FIGURE, unit: "furlongs" }, "unit"],
    ["a unit the metric is not counted in", { ...FIGURE, unit: "kg", value: "5" }, "unit"],
    ["an unknown qualifier", { ...FIGURE, qualifier: "roughly" }, "qualifier"],
    ["a date that does not exist", { ...FIGURE, asOf: "2021-02-30" }, "asOf"],
    ["a date in the wrong form", { ...FIGURE, asOf: "30/01/2021" }, "asOf"],
    ["a NUL in the label", { ...FIGURE, label: "arrests\u0000" }, "label"],
    ["an escape character in the quote", { ...FIGURE, quote: "said \u001b[31m" }, "quote"],
    ["DEL in a note", { ...FIGURE, note: "note\u007f" }, "note"],
    ["a C1 control in the label", { ...FIGURE, label: "arrests\u0085" }, "label"],
    ["a lone surrogate in the label", { ...FIGURE, label: "arrests \ud800" }, "label"],
    ["a line break in the one-line label", { ...FIGURE, label: "two\nlines" }, "label"],
    ["a date far in the future", { ...FIGURE, asOf: "2999-12-31" }, "asOf"],
    ["an unknown source", { ...FIGURE, sourceId: "no-such-source" }, "sourceId"],
    ["an unknown metric", { ...FIGURE, metricId: "no-such-metric" }, "metricId"],
    ["a javascript: url", { ...SOURCE, url: "javascript:alert(1)" }, "url"],
    ["a data: url", { ...SOURCE, url: "data:text/html,<script>alert(1)</script>" }, "url"],
    ["an empty publisher", { ...SOURCE, publisher: "" }, "publisher"],
    ["a 1 MB publisher", { ...SOURCE, publisher: megabyte }, "publisher"],
    ["a source date that does not exist", { ...SOURCE, publishedOn: "2023-02-29" }, "publishedOn"],
    ["a NUL in a source's publisher", { ...SOURCE, publisher: "ITV\u0000 News" }, "publisher"],
    ["a line break in a source's title", { ...SOURCE, title: "one\r\ntwo" }, "title"],
    ["an unknown source kind", { ...SOURCE, kind: "blog" }, "kind"],
    [
      "an agency without a country",
      { recordType: "agency", name: "A", kind: "police-force", country: "", role: "r" },
      "country",
    ],
    ...["ß", "ıe", "ﬀ"].map((country): [string, Record<string, string>, string] => [
      `a country code that only upper-casing makes two letters (${country})`,
      { recordType: "agency", name: "A", kind: "police-force", country, role: "r" },
      "country",
    ]),
    [
      "a lone surrogate in an agency's name",
      { recordType: "agency", name: "Agency \udc00", kind: "police-force", country: "GB", role: "r" },
      "name",
    ],
    [
      "a ruling with an impossible date",
      {
        recordType: "ruling",
        date: "2021-13-01",
        court: "C",
        jurisdiction: "uk",
        outcome: "o",
        sourceId: "itv-2020-07-02",
      },
      "date",
    ],
  ];

  it.each(cases)("%s", async (_what, input, field) => {
    const before = await counts();
    const outcome = await checkedSaveRecord(database.prisma, editors.ed.token, input);
    expect(outcome.status).toBe("invalid");
    if (outcome.status !== "invalid") return;
    expect(outcome.fieldErrors[field]?.[0]).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  });

  it("stores markup and a lone < as plain text, exactly as typed, normalised to NFC", async () => {
    const label = "<script>alert(1)</script> arrests < expected, Zoe\u0308";
    const quote = 'an <img src=x onerror="alert(1)"> quote\r\nover two lines';
    const id = await createFigure({ label, quote });
    const stored = await database.prisma.figure.findUniqueOrThrow({ where: { id } });
    expect([stored.label, stored.quote]).toEqual([
      "<script>alert(1)</script> arrests < expected, Zoë",
      'an <img src=x onerror="alert(1)"> quote\nover two lines',
    ]);
  });

  it("returns every field's error at once, not only the first", async () => {
    const outcome = await checkedSaveRecord(database.prisma, editors.ed.token, {
      ...FIGURE,
      value: "-1",
      asOf: "2021-02-30",
      label: "",
      unit: "furlongs",
    });
    expect(outcome.status === "invalid" && Object.keys(outcome.fieldErrors).sort()).toEqual([
      "asOf",
      "label",
      "unit",
      "value",
    ]);
  });

  it("asks for a reason when editing", async () => {
    const id = await createFigure();
    const outcome = await checkedSaveRecord(database.prisma, editors.ed.token, {
      ...FIGURE,
      id,
      version: "1",
      changeKind: "correction",
      reason: "",
    });
    expect(outcome.status === "invalid" && outcome.fieldErrors.reason).toEqual([
      "Say briefly why you are changing it.",
    ]);
  });
});

describe("saving", () => {
  it("stores a figure's value exactly and writes one revision with the values after", async () => {
    const before = await counts();
    const id = await createFigure({ metricId: "cash", unit: "GBP", value: "54,000,000.10" });
    const figure = await database.prisma.figure.findUniqueOrThrow({ where: { id } });
    expect(figure.valueMinor).toBe(5_400_000_010n);
    expect(await counts()).toEqual({ ...before, figures: before.figures + 1, revisions: before.revisions + 1 });
    const revision = await database.prisma.revision.findFirstOrThrow({ where: { recordId: id } });
    expect(revision).toMatchObject({ recordType: "figure", action: "create", before: null });
    expect(JSON.parse(revision.after ?? "{}")).toMatchObject({ valueMinor: "5400000010", label: FIGURE.label });
  });

  it("creates, edits and deletes a source, an agency and a ruling, each with a revision", async () => {
    const inputs = [
      SOURCE,
      {
        recordType: "agency",
        name: "Test Constabulary",
        shortName: "",
        kind: "police-force",
        country: "gb",
        role: "Arrested people",
      },
      {
        recordType: "ruling",
        date: "2021-02-05",
        court: "Court of Appeal",
        courtId: "",
        caseName: "R v Test",
        jurisdiction: "england-and-wales",
        outcome: "Admissible",
        sourceId: "itv-2020-07-02",
        note: "",
      },
    ];
    for (const input of inputs) {
      const created = await checkedSaveRecord(database.prisma, editors.ed.token, input);
      if (created.status !== "saved") throw new Error(JSON.stringify(created));
      const edited = await checkedSaveRecord(database.prisma, editors.ed.token, {
        ...input,
        id: created.recordId,
        version: "1",
        changeKind: "correction",
        reason: "Typo",
      });
      expect(edited).toMatchObject({ status: "saved", version: 2 });
      const deleted = await checkedDeleteRecord(database.prisma, editors.ed.token, {
        recordType: input.recordType,
        id: created.recordId,
        version: "2",
        changeKind: "correction",
        reason: "Duplicate",
      });
      expect(deleted.status).toBe("deleted");
      const revisions = await database.prisma.revision.findMany({
        where: { recordId: created.recordId },
        orderBy: { id: "asc" },
      });
      expect(revisions.map((revision) => [revision.action, revision.reason])).toEqual([
        ["create", null],
        ["update", "Typo"],
        ["delete", "Duplicate"],
      ]);
    }
    expect(await database.prisma.agency.findFirst({ where: { name: "Test Constabulary" } })).toBeNull();
  });

  it("refuses to delete a source that figures cite, naming them", async () => {
    const before = await counts();
    const outcome = await checkedDeleteRecord(database.prisma, editors.ed.token, {
      recordType: "source",
      id: "itv-2020-07-02",
      version: "1",
      changeKind: "correction",
      reason: "Gone",
    });
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(
      /still cited by \d+ figures: .*“People arrested” \(itv-2020-07-02-arrested\).* and \d+ more/,
    );
    expect(await counts()).toEqual(before);
  });
});

describe("optimistic locking", () => {
  it("lets exactly one of 50 concurrent saves of the same version through", async () => {
    const id = await createFigure();
    const revisionsBefore = await database.prisma.revision.count({ where: { recordId: id } });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, editor) =>
        checkedSaveRecord(database.prisma, editors.ed.token, {
          ...FIGURE,
          id,
          version: "1",
          changeKind: "correction",
          value: String(2000 + editor),
          reason: `Editor ${editor}`,
        }),
      ),
    );
    const saved = outcomes.filter((outcome) => outcome.status === "saved");
    const conflicts = outcomes.filter((outcome) => outcome.status === "conflict");
    expect(saved).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const figure = await database.prisma.figure.findUniqueOrThrow({ where: { id } });
    expect(figure.version).toBe(2);
    // Every refused editor is shown what the one who got through saved, at its new version,
    // not the values they all read before it (which PostgreSQL's concurrent reads would give).
    const winner = { value: String(figure.valueMinor) };
    for (const conflict of conflicts)
      expect(conflict).toMatchObject({ message: CONFLICT_MESSAGE, version: 2, theirs: winner });
    expect(await database.prisma.revision.count({ where: { recordId: id } })).toBe(revisionsBefore + 1);
  });

  it("shows the other editor's values and overwrites nothing", async () => {
    const id = await createFigure();
    await checkedSaveRecord(database.prisma, editors.ed.token, {
      ...FIGURE,
      id,
      version: "1",
      changeKind: "correction",
      value: "111",
      reason: "First",
    });
    const late = await checkedSaveRecord(database.prisma, editors.ed.token, {
      ...FIGURE,
      id,
      version: "1",
      changeKind: "correction",
      value: "222",
      reason: "Second",
    });
    expect(late).toMatchObject({ status: "conflict", version: 2, theirs: { value: "111" } });
    expect((await database.prisma.figure.findUniqueOrThrow({ where: { id } })).valueMinor).toBe(111n);
  });
});

describe("reverting", () => {
  it("restores the values before an edit, as a new recorded change", async () => {
    const id = await createFigure({ value: "500" });
    await checkedSaveRecord(database.prisma, editors.ed.token, {
      ...FIGURE,
      id,
      version: "1",
      changeKind: "correction",
      value: "600",
      label: "Changed label",
      reason: "Update",
    });
    const edit = await database.prisma.revision.findFirstOrThrow({ where: { recordId: id, action: "update" } });
    const outcome = await checkedRevert(database.prisma, editors.ed.token, {
      revisionId: String(edit.id),
      reason: "Wrong figure",
    });
    expect(outcome.status).toBe("reverted");
    const figure = await database.prisma.figure.findUniqueOrThrow({ where: { id } });
    expect([figure.valueMinor, figure.label, figure.version]).toEqual([500n, FIGURE.label, 3]);
    const revert = await database.prisma.revision.findFirstOrThrow({
      where: { recordId: id },
      orderBy: { id: "desc" },
    });
    expect(revert).toMatchObject({
      action: "update",
      revertsId: edit.id,
      reason: `Revert of change #${edit.id}: Wrong figure`,
    });
  });

  it("brings a deleted record back with its id, and deletes a created one", async () => {
    const id = await createFigure();
    await checkedDeleteRecord(database.prisma, editors.ed.token, {
      recordType: "figure",
      id,
      version: "1",
      changeKind: "correction",
      reason: "Oops",
    });
    const deletion = await database.prisma.revision.findFirstOrThrow({ where: { recordId: id, action: "delete" } });
    expect((await checkedRevert(database.prisma, editors.ed.token, { revisionId: String(deletion.id) })).status).toBe(
      "reverted",
    );
    expect((await database.prisma.figure.findUniqueOrThrow({ where: { id } })).label).toBe(FIGURE.label);

    const creation = await database.prisma.revision.findFirstOrThrow({
      where: { recordId: id, action: "create", revertsId: null },
    });
    expect((await checkedRevert(database.prisma, editors.ed.token, { revisionId: String(creation.id) })).status).toBe(
      "reverted",
    );
    expect(await database.prisma.figure.findUnique({ where: { id } })).toBeNull();
  });

  it("brings a deleted figure's conflicting reports back with it, where the other figure still exists", async () => {
    const [deleted, kept, gone] = [await createFigure(), await createFigure(), await createFigure()];
    await database.prisma.figureConflict.createMany({
      data: [
        { figureId: deleted, otherFigureId: kept, note: "Different totals" },
        { figureId: gone, otherFigureId: deleted, note: null },
      ],
    });
    await checkedDeleteRecord(database.prisma, editors.ed.token, {
      recordType: "figure",
      id: deleted,
      version: "1",
      changeKind: "correction",
      reason: "Duplicate",
    });
    await checkedDeleteRecord(database.prisma, editors.ed.token, {
      recordType: "figure",
      id: gone,
      version: "1",
      changeKind: "correction",
      reason: "Wrong",
    });
    expect(
      await database.prisma.figureConflict.count({
        where: { OR: [{ figureId: deleted }, { otherFigureId: deleted }] },
      }),
    ).toBe(0);

    const deletion = await database.prisma.revision.findFirstOrThrow({
      where: { recordId: deleted, action: "delete" },
    });
    expect((await checkedRevert(database.prisma, editors.ed.token, { revisionId: String(deletion.id) })).status).toBe(
      "reverted",
    );
    const pairs = await database.prisma.figureConflict.findMany({
      where: { OR: [{ figureId: deleted }, { otherFigureId: deleted }] },
      select: { figureId: true, otherFigureId: true, note: true },
    });
    expect(pairs).toEqual([{ figureId: deleted, otherFigureId: kept, note: "Different totals" }]);
  });

  it("refuses when the record has changed since, so no later edit is lost", async () => {
    const id = await createFigure();
    await checkedSaveRecord(database.prisma, editors.ed.token, {
      ...FIGURE,
      id,
      version: "1",
      changeKind: "correction",
      value: "7",
      reason: "One",
    });
    await checkedSaveRecord(database.prisma, editors.ed.token, {
      ...FIGURE,
      id,
      version: "2",
      changeKind: "correction",
      value: "8",
      reason: "Two",
    });
    const first = await database.prisma.revision.findFirstOrThrow({ where: { recordId: id, reason: "One" } });
    const before = await counts();
    expect((await checkedRevert(database.prisma, editors.ed.token, { revisionId: String(first.id) })).status).toBe(
      "refused",
    );
    expect(await counts()).toEqual(before);
  });

  it("reverts a seeded figure's edit back to the dataset's value", async () => {
    const seeded = await database.prisma.figure.findUniqueOrThrow({ where: { id: "itv-2020-07-02-arrested" } });
    const edit = await checkedSaveRecord(database.prisma, editors.ed.token, {
      ...FIGURE,
      id: seeded.id,
      version: String(seeded.version),
      changeKind: "correction",
      metricId: seeded.metricId,
      value: "1",
      unit: seeded.unit,
      qualifier: seeded.qualifier,
      geographyId: seeded.geographyId,
      agencyId: seeded.agencyId ?? "",
      asOf: seeded.asOf,
      sourceId: seeded.sourceId,
      label: seeded.label,
      quote: seeded.quote,
      note: seeded.note ?? "",
      reason: "Test",
    });
    expect(edit.status).toBe("saved");
    const revision = await database.prisma.revision.findFirstOrThrow({
      where: { recordId: seeded.id },
      orderBy: { id: "desc" },
    });
    expect((await checkedRevert(database.prisma, editors.ed.token, { revisionId: String(revision.id) })).status).toBe(
      "reverted",
    );
    expect((await database.prisma.figure.findUniqueOrThrow({ where: { id: seeded.id } })).valueMinor).toBe(
      seeded.valueMinor,
    );
  });
});

describe("CSV import of figures", () => {
  const header = "metricId,value,unit,qualifier,geographyId,agencyId,asOf,sourceId,label,quote,note";
  const csv = [
    `\uFEFF${header}`,
    `arrested,"1,500",people,about,uk,,2024-05,itv-2020-07-02,Imported arrests,"about 1,500 people",`,
    `cash,12.34,GBP,exact,uk,,2024-05-01,itv-2020-07-02,Imported cash,"£12.34 ""in cash""",a note`,
    `arrested,-4,people,exact,uk,,2024-05,itv-2020-07-02,Negative,quote,`,
    `arrested,10,furlongs,exact,uk,,2021-02-30,itv-2020-07-02,Bad unit and date,quote,`,
    `arrested,10,people,exact,uk,,2024,no-such-source,Unknown source,quote,`,
  ].join("\r\n");

  it("previews each row's errors without writing", async () => {
    const before = await counts();
    const preview = await checkedPreviewImport(database.prisma, editors.ed.token, { csv });
    if (preview.status !== "preview") throw new Error(JSON.stringify(preview));
    expect(preview.rows.map((row) => [row.line, Object.keys(row.errors ?? {}).sort()])).toEqual([
      [2, []],
      [3, []],
      [4, ["value"]],
      [5, ["asOf", "unit"]],
      [6, ["sourceId"]],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("imports only the good rows, in one change, and says why each bad one failed", async () => {
    const before = await counts();
    const outcome = await checkedImportFigures(database.prisma, editors.ed.token, { csv, reason: "May figures" });
    if (outcome.status !== "imported") throw new Error(JSON.stringify(outcome));
    expect(outcome.imported).toBe(2);
    expect(outcome.skipped.map((row) => row.line)).toEqual([4, 5, 6]);
    expect(outcome.skipped[0]?.errors?.value).toEqual(["A reported figure cannot be negative."]);
    expect(await counts()).toEqual({ ...before, figures: before.figures + 2, revisions: before.revisions + 2 });
    const cash = await database.prisma.figure.findFirstOrThrow({ where: { label: "Imported cash" } });
    expect([cash.valueMinor, cash.quote, cash.note]).toEqual([1234n, '£12.34 "in cash"', "a note"]);
    const revisions = await database.prisma.revision.findMany({ orderBy: { id: "desc" }, take: 2 });
    expect(revisions.map((revision) => revision.reason)).toEqual([
      "CSV import of 2 figures: May figures",
      "CSV import of 2 figures: May figures",
    ]);
  });

  it("refuses a file without the needed columns", async () => {
    const outcome = await checkedImportFigures(database.prisma, editors.ed.token, { csv: "value,unit\n1,people" });
    expect(outcome).toMatchObject({ status: "refused", message: expect.stringMatching(/missing: metricId/) });
  });
});
