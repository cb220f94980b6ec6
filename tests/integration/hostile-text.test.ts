import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { checkedImportFigures, checkedPreviewImport, checkedSaveRecord } from "@/lib/admin/checked.server";
import { formValues } from "@/lib/auth/guard.server";
import { plainTextProblem } from "@/lib/domain/plain-text";
import { figuresCsv, toFigureExport } from "@/lib/figures/export";
import { figureViewSelect, toFigureView } from "@/lib/figures/view";
import { recordsBreakingRules } from "@/lib/records/check";
import { NO_OPTIONS } from "@/lib/records/form-options";
import { figureRecord } from "@/lib/records/figure";
import { EDITABLE_RECORD_TYPES, editableRecord } from "@/lib/records/registry";
import { databaseWithEditors } from "../support/signed-in";

/**
 * Issue #12's faults at the boundary where text comes in: the forms (every text field of every
 * record type), the CSV import, and what the record gives back out.
 */
const { database, editors } = databaseWithEditors({
  seeded: true,
  // An admin, so that the vocabulary's forms (metrics, areas, agency kinds) are swept too.
  editors: { ed: { email: "ed@example.org", name: "Ed", role: "admin" } },
});

const VALID: Record<string, Record<string, string>> = {
  figure: {
    metricId: "arrested",
    value: "12",
    unit: "people",
    qualifier: "exact",
    geographyId: "uk",
    agencyId: "",
    asOf: "2024-03",
    sourceId: "itv-2020-07-02",
    label: "People arrested (text test)",
    quote: "12 people were arrested",
    note: "",
  },
  source: {
    publisher: "Text Gazette",
    title: "",
    url: "https://example.org/text",
    publishedOn: "2024-03-01",
    dateNote: "",
    kind: "press",
    copy: "original",
    copyOf: "",
    note: "",
  },
  agency: { name: "Text Agency", shortName: "", kind: "police-force", country: "GB", role: "Tests text." },
  ruling: {
    date: "2024",
    court: "Text Court",
    courtId: "",
    caseName: "",
    jurisdiction: "uk",
    outcome: "Decided.",
    sourceId: "itv-2020-07-02",
    note: "",
  },
  metric: { label: "Text counted", kind: "other", units: "items" },
  geography: { label: "Text area" },
  "agency-kind": { label: "Text body", position: "" },
};

/** Text from every plane of Unicode, with the controls and lone surrogates the sweep sent. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.constantFrom(
    "\u0000",
    "a\u001bb",
    "\u007f",
    "\u0085",
    "\ud800",
    "x\udfffy",
    "one\ntwo",
    "a\r\nb",
    "\t",
    "Zoe\u0308",
  ),
  fc.string({ maxLength: 24 }),
);

describe("every text field of every form", () => {
  const textFields = EDITABLE_RECORD_TYPES.flatMap((recordType) =>
    editableRecord(recordType)
      .formFields(NO_OPTIONS)
      .filter(
        (field) =>
          field.kind !== "select" && !["value", "url", "asOf", "publishedOn", "date", "country"].includes(field.name),
      )
      .map((field) => ({ recordType, field: field.name, multiline: field.kind === "textarea" })),
  );

  it("runs over the free-text fields of every form (value, address, dates and country have rules of their own)", () => {
    const names = textFields.map(({ recordType, field }) => `${recordType}.${field}`);
    for (const name of [
      "figure.label",
      "figure.quote",
      "figure.note",
      "source.publisher",
      "agency.name",
      "ruling.outcome",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("stores only text that reads back as the editor was shown it, and refuses the rest on its field", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...textFields), anyText, async ({ recordType, field, multiline }, typed) => {
        const values = { ...VALID[recordType]!, [field]: typed, recordType };
        const outcome = await checkedSaveRecord(database.prisma, editors.ed.token, values);
        if (outcome.status !== "saved") {
          expect(outcome.status).toBe("invalid");
          return;
        }
        const record = editableRecord(recordType);
        const stored = await record.store.find(database.prisma, outcome.recordId);
        const shown = record.toFormValues(stored!)[field]!;
        // What the edit form shows is what is stored, passes the rule, and saves back unchanged.
        expect(plainTextProblem(shown, multiline ? "multi-line" : "one-line", "It")).toBeNull();
        const again = record.schema.safeParse(record.toFormValues(stored!));
        expect(again.success).toBe(true);
        expect(shown).toBe(typed.normalize("NFC").replace(/\r\n?/g, "\n").trim());
      }),
      { numRuns: 120 },
    );
  });

  it("leaves the dataset's CSV parseable, one row per figure, after all of that", async () => {
    const figures = await database.prisma.figure.findMany({ select: figureViewSelect });
    const csv = figuresCsv(figures.map((figure) => toFigureExport(toFigureView(figure), [])));
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(figures.length + 1);
  });
});

describe("arguments that are not a form", () => {
  it.each([[[]], [[{}, {}]], [null], [undefined], ["text"], [42]])("read as an empty form: %j", async (argument) => {
    expect(formValues(argument as never)).toEqual({});
    const outcome = await checkedSaveRecord(database.prisma, editors.ed.token, argument as never);
    expect(outcome.status).toMatch(/invalid|refused/);
  });
});

describe("the CSV import", () => {
  const header = "metricId,value,unit,qualifier,geographyId,agencyId,asOf,sourceId,label,quote,note";
  const row = (label: string, value = "7", note = "") =>
    `arrested,${value},people,exact,uk,,2024-06,itv-2020-07-02,${label},quote,${note}`;

  it("takes any text in a cell only as the form would, and never merges or loses a row", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (label, note) => {
        fc.pre(!/^'[=+\-@\t\r]/.test(label));
        const cells = [label, note].map((cell) => `"${cell.replaceAll('"', '""')}"`);
        const csv = [header, row(cells[0]!, "5", cells[1]!), row("After it", "6")].join("\r\n");
        const preview = await checkedPreviewImport(database.prisma, editors.ed.token, { csv });
        if (preview.status !== "preview") throw new Error(JSON.stringify(preview));
        const breaks = (text: string) => text.split(/\r\n|\r|\n/).length - 1;
        expect(preview.rows.map((checked) => checked.line)).toEqual([2, 3 + breaks(label) + breaks(note)]);
        expect(preview.rows[1]?.values.label).toBe("After it");
        const [first] = preview.rows;
        if (!first?.errors) {
          const shown = figureRecord.schema.parse(first!.values) as { label: string };
          expect(shown.label).toBe(label.normalize("NFC").trim());
        }
      }),
      { numRuns: 60 },
    );
  });

  it("reports a quote left open on its own row and reads the rows after it as rows", async () => {
    const csv = [header, row("First", "7", '"left open'), row("Second", "8"), row("Third", "9")].join("\n");
    const preview = await checkedPreviewImport(database.prisma, editors.ed.token, { csv });
    if (preview.status !== "preview") throw new Error(JSON.stringify(preview));
    expect(preview.rows.map((checked) => [checked.line, checked.values.label, Boolean(checked.errors)])).toEqual([
      [2, "", true],
      [3, "Second", false],
      [4, "Third", false],
    ]);
    expect(preview.rows[0]?.errors?.form?.[0]).toMatch(/never closed/);
  });

  it("flags repeats within the file and of figures already recorded, and imports them only when asked", async () => {
    const recorded = await database.prisma.figure.findFirstOrThrow({
      where: { id: "itv-2020-07-02-arrested" },
    });
    const again = `${recorded.metricId},${recorded.valueMinor},${recorded.unit},${recorded.qualifier},${recorded.geographyId},${recorded.agencyId ?? ""},${recorded.asOf},${recorded.sourceId},Again,quote,`;
    const csv = [header, row("Twice", "31"), row("Twice", "31"), again].join("\n");
    const preview = await checkedPreviewImport(database.prisma, editors.ed.token, { csv });
    if (preview.status !== "preview") throw new Error(JSON.stringify(preview));
    expect(preview.rows.map((checked) => checked.duplicate)).toEqual([
      null,
      "The same figure as line 2.",
      `The record already has this figure (${recorded.id}).`,
    ]);

    const before = await database.prisma.figure.count();
    const outcome = await checkedImportFigures(database.prisma, editors.ed.token, { csv, reason: "" });
    expect(outcome).toMatchObject({ status: "imported", imported: 1 });
    expect(await database.prisma.figure.count()).toBe(before + 1);
    const asked = await checkedImportFigures(database.prisma, editors.ed.token, {
      csv: [header, again].join("\n"),
      reason: "",
      includeDuplicates: "yes",
    });
    expect(asked).toMatchObject({ status: "imported", imported: 1 });
  });
});

describe("npm run db:check-text", () => {
  it("lists stored records that break the rule, and changes none of them", async () => {
    const source = await database.prisma.source.findFirstOrThrow({ orderBy: { id: "asc" } });
    await database.prisma.source.update({ where: { id: source.id }, data: { publisher: "ITV\u0007 News" } });
    const found = await recordsBreakingRules(database.prisma);
    expect(found).toContainEqual({
      recordType: "source",
      id: source.id,
      field: "publisher",
      message: expect.stringMatching(/The publisher holds an invisible control character \(U\+0007\)/),
    });
    expect((await database.prisma.source.findUniqueOrThrow({ where: { id: source.id } })).publisher).toBe(
      "ITV\u0007 News",
    );
    await database.prisma.source.update({ where: { id: source.id }, data: { publisher: source.publisher } });
  });
});
