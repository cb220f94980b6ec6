import { citationAsBibtex } from "./bibtex";
import type { CitedWork } from "./cited-work";
import { citationAsCslJson } from "./csl";
import { citationAsRis } from "./ris";

/**
 * The citation files a reader can download, by extension: `/api/figures/<figure>/citation.bib`,
 * `/api/charts/<chart>/citation.ris`, … Each names the programs that read it, for the page's words.
 */
export const CITATION_FILES = {
  bib: {
    label: "BibTeX",
    readBy: "LaTeX, JabRef, BibDesk",
    contentType: "application/x-bibtex; charset=utf-8",
    write: citationAsBibtex,
  },
  ris: {
    label: "RIS",
    readBy: "EndNote, Zotero, Mendeley",
    contentType: "application/x-research-info-systems; charset=utf-8",
    write: citationAsRis,
  },
  json: {
    label: "CSL-JSON",
    readBy: "Zotero, pandoc, citation.js",
    contentType: "application/vnd.citationstyles.csl+json",
    write: citationAsCslJson,
  },
} as const satisfies Record<
  string,
  { label: string; readBy: string; contentType: string; write: (work: CitedWork) => string }
>;

export type CitationFormat = keyof typeof CITATION_FILES;

export const CITATION_FORMATS = Object.keys(CITATION_FILES) as CitationFormat[];

/** The format a file name under a figure's or a chart's address asks for (`citation.bib`), or null. */
export function parseCitationFile(name: string): CitationFormat | null {
  const match = /^citation\.([a-z]+)$/.exec(name);
  const extension = match?.[1];
  return extension !== undefined && Object.hasOwn(CITATION_FILES, extension) ? (extension as CitationFormat) : null;
}

/** Where a citation file is downloaded from, pinned to the revision its text cites. */
export function citationFilePath(work: Pick<CitedWork, "kind" | "record">, id: string, format: CitationFormat): string {
  const collection = work.kind === "figure" ? "figures" : "charts";
  return `/api/${collection}/${id}/citation.${format}?v=${work.record.revision}`;
}

/**
 * The downloaded file's name: its key, so two revisions of one figure never overwrite each other.
 * Keys are made of ids and slugs; anything else is replaced, so the name never needs quoting.
 */
export function citationFileName(work: Pick<CitedWork, "key">, format: CitationFormat): string {
  return `${work.key.replace(/[^A-Za-z0-9._-]/g, "-")}.${format}`;
}
