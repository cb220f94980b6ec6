import { RulingSummaryList } from "@/components/rulings/ruling-summary-list";
import type { SourceEntry } from "@/lib/data/sources.server";

const muted = "text-ink-muted dark:text-ink-inverse/70";

/** A source: who published it and when, whether it copies another outlet, and what the record took from it. */
export function SourceEntryArticle({ source }: { source: SourceEntry }) {
  const headingId = `${source.id}-heading`;
  return (
    <article
      id={source.id}
      aria-labelledby={headingId}
      data-source-id={source.id}
      className="scroll-mt-4 py-6 break-words"
    >
      <h2 id={headingId} className="font-serif text-2xl font-bold">
        {source.publisher}
      </h2>
      <p className={`mt-1 text-sm ${muted}`}>
        {source.publishedOnDisplay ? (
          <time dateTime={source.publishedOn ?? undefined}>{source.publishedOnDisplay}</time>
        ) : (
          "Date not reported"
        )}
        {" · "}
        {source.kindLabel}
        {source.copy === "mirror" ? (
          <>
            {" · "}
            <span className="font-semibold">mirror of {source.copyOf ?? "another outlet's story"}</span>
          </>
        ) : null}
      </p>
      {source.dateNote ? <p className={`text-sm ${muted}`}>{source.dateNote}</p> : null}
      <p className="mt-2">
        <a href={source.url} rel="noopener noreferrer">
          {source.title ?? `${source.publisher}, the original`}
        </a>
      </p>
      {source.note ? <p className="mt-2 max-w-3xl text-sm">{source.note}</p> : null}

      {source.figures.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">
            {source.figures.length === 1 ? "1 figure" : `${source.figures.length} figures`} reported
          </h3>
          <ul className="mt-1 space-y-1">
            {source.figures.map((figure) => (
              <li key={figure.id} data-figure-id={figure.id}>
                {figure.label}: <span className="font-semibold">{figure.display}</span>{" "}
                <span className={muted}>
                  (as of <time dateTime={figure.asOf}>{figure.asOfDisplay}</time>)
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {source.rulings.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">Court rulings it reports</h3>
          <RulingSummaryList rulings={source.rulings} />
        </>
      ) : null}
      {source.figures.length === 0 && source.rulings.length === 0 ? (
        <p className={`mt-2 text-sm ${muted}`}>No figure or ruling in the record cites this source.</p>
      ) : null}
    </article>
  );
}
