import { parsePartialDate } from "@/lib/domain/partial-date";
import { citationLine, citationNote, type CitedWork } from "./cited-work";

/**
 * A citation as RIS, the tagged format EndNote, Zotero and Mendeley import: one "TAG  - value"
 * per line, CRLF line ends as its specification has them. A value can hold no line break (the
 * next line would be read as another tag, or end the entry), so every value is written as one line.
 */

function risDate(text: string | null): string | null {
  const date = text === null ? null : parsePartialDate(text);
  if (!date) return null;
  const two = (part: number | undefined) => (part === undefined ? "" : String(part).padStart(2, "0"));
  return `${date.year}/${two(date.month)}/${two(date.day)}/`;
}

export function citationAsRis(work: CitedWork): string {
  const { record } = work;
  const issued = work.issued === null ? null : parsePartialDate(work.issued);
  const tags: [string, string | null][] = [
    // A figure is a number from a dataset; a chart is a figure in RIS's sense.
    ["TY", work.kind === "figure" ? "DATA" : "FIGURE"],
    ["ID", work.key],
    ["AU", work.author],
    ["TI", work.title],
    ["PY", issued ? String(issued.year) : null],
    ["DA", risDate(work.issued)],
    ["PB", record.name],
    ["ET", `revision ${record.revision}`],
    ["UR", record.url],
    ["Y2", risDate(work.accessedOn)],
    ["N1", citationNote(work)],
  ];
  const lines = tags.flatMap(([tag, value]) => (value === null ? [] : [`${tag}  - ${citationLine(value)}`]));
  return [...lines, "ER  - ", ""].join("\r\n");
}
