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
