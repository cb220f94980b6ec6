/**
 * CSV as RFC 4180 describes it (CRLF line ends, fields quoted when they hold a comma, quote or
 * line break), UTF-8 with a byte-order mark so spreadsheets read "£" correctly.
 */
const BOM = "\uFEFF";

/**
 * A cell that starts with = + - @ tab or carriage return is run as a formula by spreadsheets
 * (CSV injection). Prefixing an apostrophe makes it plain text. Numbers are left alone.
 */
function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
}

function field(value: string | number | null | undefined): string {
  const text = neutralise(value === null || value === undefined ? "" : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<T extends Record<string, string | number | null | undefined>>(
  columns: { key: keyof T & string; header: string }[],
  rows: T[],
): string {
  const lines = [
    columns.map((column) => field(column.header)).join(","),
    ...rows.map((row) => columns.map((column) => field(row[column.key])).join(",")),
  ];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** One record of a CSV file: the line it starts on, and its cells or why it cannot be read. */
export type CsvRecord = { line: number } & ({ cells: string[]; problem?: never } | { cells?: never; problem: string });

const UNCLOSED_QUOTE =
  'A quoted cell on this line is never closed (or its closing quote is followed by more text): add the missing quote, or double a quote inside the cell as "".';

/**
 * Reads CSV as RFC 4180 describes it (and as toCsv writes it): comma-separated, fields quoted
 * with doubled quotes inside and line breaks allowed in quotes, CRLF or LF line ends, an optional
 * byte-order mark. A quote left open must not swallow the rows after it, as a lenient reader
 * would: its record is reported as a problem on the line it starts, and reading resumes on the
 * next line. So is a record that spans lines and has another number of cells than the first
 * line, the header. Blank lines are skipped.
 */
export function readCsv(text: string): CsvRecord[] {
  const input = text.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  let position = 0;
  let line = 1;
  let columns: number | undefined;
  while (position < input.length) {
    const result = readRecord(input, position);
    // A quote left open that a later line's quote happens to close spans lines and comes out
    // with the wrong number of cells: read it as the unclosed quote it is.
    const swallowed = result.ok && result.lineBreaks > 1 && columns !== undefined && result.cells.length !== columns;
    if (result.ok && !swallowed) {
      columns ??= result.cells.length;
      if (result.cells.some((cell) => cell.trim() !== "")) records.push({ line, cells: result.cells });
      line += result.lineBreaks;
      position = result.end;
    } else {
      records.push({ line, problem: UNCLOSED_QUOTE });
      const nextLine = input.slice(position).search(/\r\n|\r|\n/);
      if (nextLine === -1) break;
      position += nextLine + (input.startsWith("\r\n", position + nextLine) ? 2 : 1);
      line += 1;
    }
  }
  return records;
}

type RecordRead = { ok: true; cells: string[]; end: number; lineBreaks: number } | { ok: false };

/** One record from `start`: its cells, where the next one starts, and how many lines it spans. */
function readRecord(input: string, start: number): RecordRead {
  const cells: string[] = [];
  let index = start;
  let lineBreaks = 0;
  for (;;) {
    let cell = "";
    if (input[index] === '"') {
      index += 1;
      for (;;) {
        if (index >= input.length) return { ok: false };
        const character = input[index];
        if (character === '"' && input[index + 1] === '"') {
          cell += '"';
          index += 2;
        } else if (character === '"') {
          index += 1;
          break;
        } else {
          if (character === "\n" || (character === "\r" && input[index + 1] !== "\n")) lineBreaks += 1;
          cell += character;
          index += 1;
        }
      }
      const after = input[index];
      if (after !== undefined && after !== "," && after !== "\r" && after !== "\n") return { ok: false };
    } else {
      const end = input.slice(index).search(/[,\r\n]/);
      cell = end === -1 ? input.slice(index) : input.slice(index, index + end);
      index = end === -1 ? input.length : index + end;
    }
    cells.push(cell);
    const separator = input[index];
    if (separator === ",") {
      index += 1;
      continue;
    }
    if (separator === undefined) return { ok: true, cells, end: index, lineBreaks: lineBreaks + 1 };
    index += separator === "\r" && input[index + 1] === "\n" ? 2 : 1;
    return { ok: true, cells, end: index, lineBreaks: lineBreaks + 1 };
  }
}
