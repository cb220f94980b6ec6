import type { FigureView } from "@/lib/figure-view";
import { SourceLink } from "@/components/sources/source-link";

/** A plain list of figures, each with its qualifier, the date it describes and its source. */
export function FigureList({ figures }: { figures: FigureView[] }) {
  if (figures.length === 0) {
    return <p>No figures have been recorded yet.</p>;
  }
  return (
    <ul className="divide-y divide-black/10 dark:divide-white/15">
      {figures.map((figure) => (
        <li key={figure.id} className="py-4" data-figure-id={figure.id}>
          <p className="text-sm text-ink-muted dark:text-ink-inverse/70">{figure.label}</p>
          <p className="font-serif text-3xl font-bold first-letter:uppercase">{figure.display}</p>
          <p className="mt-1 text-sm text-ink-muted dark:text-ink-inverse/70">
            {figure.geography.label}, as of <time dateTime={figure.asOf}>{figure.asOfDisplay}</time>.
            Source: <SourceLink source={figure.source} />
          </p>
          <blockquote className="mt-2 border-l-2 border-black/20 pl-3 text-sm italic dark:border-white/25">
            “{figure.quote}”
          </blockquote>
        </li>
      ))}
    </ul>
  );
}
