import Link from "next/link";
import { DisagreementFlag } from "@/components/conflicts/disagreement-flag";
import { SourceLink } from "@/components/sources/source-link";
import type { FigureConflictView } from "@/lib/data/conflicts.server";
import { NO_FILTERS, DEFAULT_FIGURE_TABLE_QUERY, figureTableHref } from "@/lib/figures/table-query";
import type { FigureView } from "@/lib/figures/view";

/** Two reports of the same thing that disagree, side by side and equal: neither is picked. */
export function ConflictPair({ conflict }: { conflict: FigureConflictView }) {
  const [first, second] = conflict.figures;
  const headingId = `${conflict.id}-heading`;
  const metrics = [...new Set([first.metric.label, second.metric.label])].join(" / ");
  return (
    <article
      id={conflict.id}
      aria-labelledby={headingId}
      data-conflict-id={conflict.id}
      className="scroll-mt-4 py-6 break-words"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={headingId} className="font-serif text-2xl font-bold">
          {metrics}, {first.geography.label}
        </h2>
        <DisagreementFlag />
      </div>
      {conflict.note ? <p className="mt-2 max-w-3xl">{conflict.note}</p> : null}
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <ConflictingFigure figure={first} />
        <ConflictingFigure figure={second} />
      </div>
      <p className="mt-3 text-sm">
        <Link
          href={figureTableHref({
            ...DEFAULT_FIGURE_TABLE_QUERY,
            filters: { ...NO_FILTERS, metric: first.metric.id, geography: first.geography.id },
          })}
          prefetch={false}
        >
          Every {first.metric.label.toLowerCase()} figure for this area
        </Link>
      </p>
    </article>
  );
}

function ConflictingFigure({ figure }: { figure: FigureView }) {
  return (
    <section
      aria-label={`${figure.source.publisher}: ${figure.display}`}
      data-figure-id={figure.id}
      className="rounded border border-black/15 bg-paper-raised p-4 dark:border-white/20 dark:bg-paper-dark-raised"
    >
      <p className="font-serif text-3xl font-bold first-letter:uppercase">{figure.display}</p>
      <p className="mt-1">{figure.label}</p>
      <p className="mt-1 text-sm text-ink-muted dark:text-ink-inverse/70">
        As of <time dateTime={figure.asOf}>{figure.asOfDisplay}</time>. Source: <SourceLink source={figure.source} />
      </p>
      <blockquote className="mt-3 border-l-2 border-black/20 pl-3 text-sm italic dark:border-white/25">
        “{figure.quote}”
      </blockquote>
      {figure.note ? <p className="mt-2 text-sm">{figure.note}</p> : null}
    </section>
  );
}
