import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client.server";
import { readCsv } from "@/lib/csv";
import { optionalReason } from "@/lib/records/change";
import { figureRecord, figureSchema } from "@/lib/records/figure";
import type { Transaction } from "@/lib/records/versioned";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/fields";
import { record, TRANSACTION_OPTIONS, type Author } from "./records";

/** The columns an import reads: the figure form's fields, by the same names. */
export const IMPORT_COLUMNS = figureRecord.fieldNames;
export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_CHARACTERS = 1_000_000;

/** A ticked checkbox sends "yes"; an unticked one sends nothing. */
const includeDuplicates = z
  .enum(["yes"])
  .optional()
  .transform((value) => value === "yes");

/** The import form, as the action reads it and as a held import keeps it (decision 0023). */
export const importSchema = z.object({ csv: z.string().default(""), reason: optionalReason, includeDuplicates });
export type FigureImport = z.output<typeof importSchema>;

/** lib/csv.ts prefixes cells a spreadsheet would run as a formula with '; take it off again. */
function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * One row as checked: its values, what is wrong with them, and whether it repeats a figure
 * (an earlier row, or one the record has), which is imported only when the editor asks.
 */
export type ImportRow = {
  line: number;
  values: Record<string, string>;
  errors: FieldErrors | null;
  duplicate: string | null;
};
export type ImportPreview = { problem: string | null; rows: ImportRow[] };

type CheckedFigure = ReturnType<typeof figureRecord.toData>;

/** What makes two figures the same report: everything but their words. */
const SAME_REPORT = [
  "metricId",
  "valueMinor",
  "unit",
  "qualifier",
  "geographyId",
  "agencyId",
  "asOf",
  "sourceId",
] as const satisfies readonly (keyof CheckedFigure)[];

function sameReportKey(figure: CheckedFigure): string {
  return JSON.stringify(SAME_REPORT.map((column) => String(figure[column])));
}

/** Whether the record already has this report (all but its words): the message saying which, or null. */
export async function storedDuplicate(db: PrismaClient | Transaction, figure: CheckedFigure): Promise<string | null> {
  const where = Object.fromEntries(SAME_REPORT.map((column) => [column, figure[column]]));
  const found = await db.figure.findFirst({ where, select: { id: true } });
  return found ? `The record already has this figure (${found.id}).` : null;
}

/** Every row checked as the figure form checks it, references included, and nothing written. */
export async function previewFigureImport(db: PrismaClient | Transaction, csv: string): Promise<ImportPreview> {
  if (csv.length > MAX_IMPORT_CHARACTERS) return { problem: "The CSV is larger than 1 MB; split it.", rows: [] };
  const [header, ...lines] = readCsv(csv);
  if (!header) return { problem: "The CSV is empty.", rows: [] };
  if (!header.cells) return { problem: `The first line cannot be read. ${header.problem}`, rows: [] };
  const names = header.cells.map((name) => name.trim());
  const missing = IMPORT_COLUMNS.filter((column) => figureRecord.required(column) && !names.includes(column));
  if (missing.length) {
    return { problem: `The first line must name the columns; missing: ${missing.join(", ")}.`, rows: [] };
  }
  if (lines.length > MAX_IMPORT_ROWS) return { problem: `At most ${MAX_IMPORT_ROWS} rows at a time.`, rows: [] };
  if (lines.length === 0) return { problem: "The CSV has a header but no figures.", rows: [] };

  const rows: ImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells, problem } of lines) {
    const values = Object.fromEntries(
      IMPORT_COLUMNS.map((column) => [column, unneutralise(cells?.[names.indexOf(column)] ?? "")]),
    );
    if (!cells) {
      rows.push({ line, values, errors: { form: [problem] }, duplicate: null });
      continue;
    }
    const parsed = figureSchema.safeParse(values);
    const figure = parsed.success ? figureRecord.toData(parsed.data) : null;
    let errors = parsed.success
      ? await figureRecord.checkReferences(db, figureRecord.toData(parsed.data))
      : fieldErrorsOf(parsed.error);
    if (cells.length > names.length) {
      errors = { ...errors, form: ["This row has more cells than the header has columns."] };
    }
    let duplicate: string | null = null;
    if (figure && !errors) {
      const key = sameReportKey(figure);
      const earlier = firstLineOf.get(key);
      duplicate = earlier ? `The same figure as line ${earlier}.` : await storedDuplicate(db, figure);
      if (!earlier) firstLineOf.set(key, line);
    }
    rows.push({ line, values, errors, duplicate });
  }
  return { problem: null, rows };
}

/** Whether a checked row goes in: no errors, and not a repeat unless the editor asked for those. */
export function importable(row: ImportRow, includeDuplicates: boolean): boolean {
  return !row.errors && (includeDuplicates || !row.duplicate);
}

export type ImportOutcome =
  | { status: "imported"; message: string; imported: number; skipped: ImportRow[] }
  | { status: "refused"; message: string; rows?: ImportRow[] };

/**
 * Adds the valid rows in one transaction, as one change: one revision per figure, all with the
 * same reason, written together or not at all. Rows with errors are skipped and reported.
 */
export async function importFigures(db: PrismaClient, editor: Author, input: FigureImport): Promise<ImportOutcome> {
  return db.$transaction((tx) => importFiguresIn(tx, editor, input), TRANSACTION_OPTIONS);
}

/**
 * importFigures inside a transaction of the caller's: a held import is checked by a trial and
 * published in the transaction that claims it. The rows are checked again there, against the
 * record as it is then.
 */
export async function importFiguresIn(tx: Transaction, editor: Author, input: FigureImport): Promise<ImportOutcome> {
  const { reason } = input;
  const preview = await previewFigureImport(tx, input.csv);
  if (preview.problem) return { status: "refused", message: preview.problem };
  const valid = preview.rows.filter((row) => importable(row, input.includeDuplicates));
  const skipped = preview.rows.filter((row) => !importable(row, input.includeDuplicates));
  if (valid.length === 0)
    return { status: "refused", message: "No row can be imported; see each row's errors.", rows: preview.rows };

  const because = `CSV import of ${valid.length} figure${valid.length === 1 ? "" : "s"}${reason ? `: ${reason}` : ""}`;
  for (const row of valid) {
    const parsed = figureSchema.parse(row.values);
    const data = figureRecord.toData(parsed);
    const created = await figureRecord.store.create(tx, data, await figureRecord.newId(tx, data));
    await record(tx, editor, {
      recordType: "figure",
      recordId: created.id,
      action: "create",
      after: created,
      reason: because,
      // An import only adds figures: new reports.
      kind: "update",
    });
  }
  return {
    status: "imported",
    message: `Imported ${valid.length} figure${valid.length === 1 ? "" : "s"}${skipped.length ? `; ${skipped.length} row${skipped.length === 1 ? " was" : "s were"} skipped` : ""}.`,
    imported: valid.length,
    skipped,
  };
}
