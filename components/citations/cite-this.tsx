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
  headingLevel = 2,
}: {
  work: CitedWork;
  /** The figure's id or the chart's slug, in the addresses of its files. */
  id: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `cite-${work.key}`;
  const noun = work.kind;
  return (
    <section aria-labelledby={headingId} className="max-w-3xl">
      <Heading id={headingId} className={headingLevel === 2 ? "font-serif text-xl font-bold" : "font-semibold"}>
        Cite this {noun}
      </Heading>
      <p className={`mt-1 text-xs ${muted}`}>
        Pinned to revision {work.record.revision} of the record ({formatPartialDate(work.record.compiledOn)}): its
        address shows this {noun} as cited, whatever changes later.
        {noun === "figure" ? " The figure is its source's; the record is where it was compiled." : null}
      </p>
      <p
        className="mt-2 border-l-2 border-black/20 pl-2 text-sm wrap-anywhere select-all dark:border-white/25"
        data-citation="text"
      >
        {citationInHouseStyle(work)}
      </p>
      <div className="mt-2 space-y-1 text-sm">
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
