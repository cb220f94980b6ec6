import type { PrismaClient } from "@/lib/db/client.server";
import type { SignedInEditor } from "@/lib/auth/sessions.server";
import { figureRecord, figureSchema } from "@/lib/records/figure";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/fields";
import { record, TRANSACTION_OPTIONS } from "./records";

/** The columns an import reads: the figure form's fields, by the same names. */
export const IMPORT_COLUMNS = figureRecord.fieldNames;
export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_CHARACTERS = 1_000_000;

/**
 * RFC 4180 as lib/csv.ts writes it: comma-separated, fields quoted with doubled quotes inside,
 * CRLF or LF line ends, an optional byte-order mark.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let index = 0; index < input.length; index += 1) {
    const character = input[index];
    if (quoted) {
      if (character === '"' && input[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"' && field === "") quoted = true;
    else if (character === ",") {
      row.push(field);
      field = "";
    } else if (character === "\n" || character === "\r") {
      if (character === "\r" && input[index + 1] === "\n") index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += character;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
}

/** lib/csv.ts prefixes cells a spreadsheet would run as a formula with '; take it off again. */
function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export type ImportRow = { line: number; values: Record<string, string>; errors: FieldErrors | null };
export type ImportPreview = { problem: string | null; rows: ImportRow[] };

/** Every row checked as the figure form checks it, references included, and nothing written. */
export async function previewFigureImport(db: PrismaClient, csv: string): Promise<ImportPreview> {
  if (csv.length > MAX_IMPORT_CHARACTERS) return { problem: "The CSV is larger than 1 MB; split it.", rows: [] };
  const [header, ...lines] = parseCsv(csv);
  if (!header) return { problem: "The CSV is empty.", rows: [] };
  const names = header.map((name) => name.trim());
  const missing = IMPORT_COLUMNS.filter((column) => figureRecord.required(column) && !names.includes(column));
  if (missing.length) {
    return { problem: `The first line must name the columns; missing: ${missing.join(", ")}.`, rows: [] };
  }
  if (lines.length > MAX_IMPORT_ROWS) return { problem: `At most ${MAX_IMPORT_ROWS} rows at a time.`, rows: [] };
  if (lines.length === 0) return { problem: "The CSV has a header but no figures.", rows: [] };

  const rows: ImportRow[] = [];
  for (const [index, cells] of lines.entries()) {
    const values = Object.fromEntries(
      IMPORT_COLUMNS.map((column) => [column, unneutralise(cells[names.indexOf(column)] ?? "")]),
    );
    const parsed = figureSchema.safeParse(values);
    let errors = parsed.success
      ? await figureRecord.checkReferences(db, figureRecord.toData(parsed.data))
      : fieldErrorsOf(parsed.error);
    if (cells.length > names.length) {
      errors = { ...errors, form: ["This row has more cells than the header has columns."] };
    }
    rows.push({ line: index + 2, values, errors });
  }
  return { problem: null, rows };
}

export type ImportOutcome =
  | { status: "imported"; message: string; imported: number; skipped: ImportRow[] }
  | { status: "refused"; message: string; rows?: ImportRow[] };

/**
 * Adds the valid rows in one transaction, as one change: one revision per figure, all with the
 * same reason, written together or not at all. Rows with errors are skipped and reported.
 */
export async function importFigures(
  db: PrismaClient,
  editor: SignedInEditor,
  input: { csv: string; reason: string | null },
): Promise<ImportOutcome> {
  const { reason } = input;
  const preview = await previewFigureImport(db, input.csv);
  if (preview.problem) return { status: "refused", message: preview.problem };
  const valid = preview.rows.filter((row) => !row.errors);
  const skipped = preview.rows.filter((row) => row.errors);
  if (valid.length === 0)
    return { status: "refused", message: "No row can be imported; see each row's errors.", rows: preview.rows };

  const because = `CSV import of ${valid.length} figure${valid.length === 1 ? "" : "s"}${reason ? `: ${reason}` : ""}`;
  await db.$transaction(async (tx) => {
    for (const row of valid) {
      const parsed = figureSchema.parse(row.values);
      const created = await figureRecord.store.create(tx, figureRecord.toData(parsed));
      await record(tx, editor, {
        recordType: "figure",
        recordId: created.id,
        action: "create",
        after: created,
        reason: because,
      });
    }
  }, TRANSACTION_OPTIONS);
  return {
    status: "imported",
    message: `Imported ${valid.length} figure${valid.length === 1 ? "" : "s"}${skipped.length ? `; ${skipped.length} row${skipped.length === 1 ? " was" : "s were"} skipped` : ""}.`,
    imported: valid.length,
    skipped,
  };
}
