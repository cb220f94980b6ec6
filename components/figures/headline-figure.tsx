import { SourceLink } from "@/components/sources/source-link";
import type { FigureView } from "@/lib/figures/view";

/** A large numeral with its qualifier, and right beside it the date it describes and its source. */
export function HeadlineFigure({ figure }: { figure: FigureView }) {
  return (
    <div className="flex flex-col" data-figure-id={figure.id}>
      <dt className="order-2 text-sm font-semibold">{figure.label}</dt>
      <dd className="order-1 font-serif text-3xl font-bold leading-tight first-letter:uppercase sm:text-4xl">
        {figure.display}
      </dd>
      <dd className="order-3 text-xs text-ink-muted dark:text-ink-inverse/75">
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
