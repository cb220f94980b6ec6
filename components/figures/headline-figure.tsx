import { SourceLink } from "@/components/sources/source-link";
import type { FigureView } from "@/lib/figures/view";

/**
 * A large numeral with its qualifier, and right beside it the date it describes and its source.
 * Its classes are named in app/globals.css: the overview repeats this card a score of times, and
 * each class string is sent twice (in the HTML and in React's payload).
 */
export function HeadlineFigure({ figure }: { figure: FigureView }) {
  return (
    <div className="flex flex-col" data-figure-id={figure.id}>
      <dt className="headline-label">{figure.label}</dt>
      <dd className="headline-value">{figure.display}</dd>
      <dd className="headline-meta">
        As of <time dateTime={figure.asOf}>{figure.asOfDisplay}</time> · <SourceLink source={figure.source} />
      </dd>
    </div>
  );
}

export function HeadlineGrid({ figures, label }: { figures: FigureView[]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-1 gap-x-8 gap-y-6 min-[420px]:grid-cols-2 lg:grid-cols-4">
      {figures.map((figure) => (
        <HeadlineFigure key={figure.id} figure={figure} />
      ))}
    </dl>
  );
}
