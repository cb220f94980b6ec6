import { parsePartialDate } from "@/lib/domain/partial-date";
import { citationNote, type CitedWork } from "./cited-work";

/**
 * A citation as CSL-JSON, the data every Citation Style Language processor (Zotero, pandoc,
 * citation.js) formats in any of its thousands of styles. A figure is a `dataset`; a chart is
 * CSL's `figure` ("a figure or chart"). Corporate authors are `literal` names, never split.
 */
export type CslItem = {
  id: string;
  type: "dataset" | "figure";
  title: string;
  author: { literal: string }[];
  issued?: { "date-parts": [number[]] };
  accessed: { "date-parts": [number[]] };
  publisher: string;
  version: string;
  URL: string;
  note: string;
  "original-title"?: string;
};

function dateParts(text: string): { "date-parts": [number[]] } | undefined {
  const date = parsePartialDate(text);
  if (!date) return undefined;
  return {
    "date-parts": [
      [date.year, ...(date.month === undefined ? [] : [date.month]), ...(date.day === undefined ? [] : [date.day])],
    ],
  };
}

export function citationAsCsl(work: CitedWork): CslItem {
  const issued = work.issued === null ? undefined : dateParts(work.issued);
  return {
    id: work.key,
    type: work.kind === "figure" ? "dataset" : "figure",
    title: work.title,
    author: [{ literal: work.author }],
    ...(issued ? { issued } : {}),
    accessed: dateParts(work.accessedOn)!,
    publisher: work.record.name,
    version: `revision ${work.record.revision}`,
    URL: work.record.url,
    note: citationNote(work),
    ...(work.source?.title ? { "original-title": work.source.title } : {}),
  };
}

/** A CSL-JSON file: a list of items, here of one. */
export function citationAsCslJson(work: CitedWork): string {
  return `${JSON.stringify([citationAsCsl(work)], null, 2)}\n`;
}
