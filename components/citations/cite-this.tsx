import { citationInHouseStyle } from "@/lib/citations/house-style";
import type { CitedWork } from "@/lib/citations/cited-work";
import { CITATION_FILES, CITATION_FORMATS, citationFileName, citationFilePath } from "@/lib/citations/files";
import { formatPartialDate } from "@/lib/domain/partial-date";

const muted = "text-ink-muted dark:text-ink-inverse/75";

/**
 * "Cite this chart" (or figure): the citation in the house style, and as BibTeX, RIS and CSL-JSON,
 * each in its own toggle with its file, so a reader picks a format without JavaScript. Every
 * format names the same address, pinned to the revision cited.
 */
export function CiteThis({
  work,
  id,
  compact = false,
}: {
  work: CitedWork;
  /** The figure's id or the chart's slug, in the addresses of its files. */
  id: string;
  /** Set in small type, for a panel inside a table's row rather than a section of a page. */
  compact?: boolean;
}) {
  const headingId = `cite-${work.key}`;
  const noun = work.kind;
  const body = compact ? "text-xs" : "text-sm";
  // Why this revision (lib/citations/read.server.ts): a figure's own last change, the whole record's for a chart.
  const pinnedTo = noun === "figure" ? "the last change to the figure or its source" : "the record as it is now";
  return (
    <section aria-labelledby={headingId} className="max-w-3xl">
      <h2 id={headingId} className={compact ? "text-sm font-semibold" : "font-serif text-xl font-bold"}>
        Cite this {noun}
      </h2>
      <p className={`mt-1 text-xs ${muted}`}>
        Pinned to revision {work.record.revision}, {pinnedTo} ({formatPartialDate(work.record.compiledOn)}): its address
        shows this {noun} as cited, whatever changes later.
        {noun === "figure" ? " The figure is its source's; the record is where it was compiled." : null}
      </p>
      <p
        className={`mt-2 border-l-2 border-black/20 pl-2 ${body} wrap-anywhere select-all dark:border-white/25`}
        data-citation="text"
      >
        {citationInHouseStyle(work)}
      </p>
      <div className={`mt-2 space-y-1 ${body}`}>
        {CITATION_FORMATS.map((format) => {
          const file = CITATION_FILES[format];
          return (
            <details key={format}>
              <summary className="cursor-pointer py-1">
                {file.label} <span className={`text-xs ${muted}`}>({file.readBy})</span>
              </summary>
              <pre
                className="mt-1 rounded border border-black/15 bg-paper-raised p-2 font-mono text-xs whitespace-pre-wrap wrap-anywhere dark:border-white/20 dark:bg-paper-dark-raised"
                data-citation={format}
              >
                {file.write(work)}
              </pre>
              <a
                href={citationFilePath(work, id, format)}
                download={citationFileName(work, format)}
                className="inline-block py-1 text-xs"
              >
                Download the {file.label} file<span className="sr-only"> citing this {noun}</span>
              </a>
            </details>
          );
        })}
      </div>
    </section>
  );
}
