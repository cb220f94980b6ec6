import { ChartCard } from "@/components/charts/chart-card";
import { HeadlineGrid } from "@/components/figures/headline-figure";
import { SourceLink } from "@/components/sources/source-link";
import type { ChartSpec } from "@/lib/charts/types";
import type { Headlines } from "@/lib/figures/headlines";

/**
 * The overview (`/`): the headline figures and the dashboard's charts. One component for the
 * public page and its private preview with a held change (decision 0023), so the two cannot
 * differ; the preview sends the charts' links to its own previews (`chartHref`).
 */
export function Overview({
  headlines,
  charts,
  chartHref,
}: {
  headlines: Headlines;
  charts: ChartSpec[];
  chartHref?: (slug: string) => string;
}) {
  const { growth } = headlines;
  return (
    <div className="space-y-10">
      <header className="max-w-3xl">
        <h1 className="font-serif text-3xl font-bold sm:text-5xl">Operation Venetic, in the figures reported</h1>
        <p className="mt-3 text-lg">
          In 2020 investigators broke into EncroChat, an encrypted phone network used by organised crime. These are the
          outcomes of the UK&apos;s response as they were announced: each number as its source gave it, with the date it
          describes.
        </p>
        {growth ? (
          <p className="mt-3 text-lg" data-testid="arrest-growth">
            Arrests in the UK grew from <strong>{growth.first.display}</strong> at the first announcement (
            <time dateTime={growth.first.asOf}>{growth.first.asOfDisplay}</time>,{" "}
            <SourceLink source={growth.first.source} />) to <strong>{growth.latest.display}</strong> (
            <time dateTime={growth.latest.asOf}>{growth.latest.asOfDisplay}</time>,{" "}
            <SourceLink source={growth.latest.source} />
            ).
          </p>
        ) : null}
      </header>

      <section aria-labelledby="headline-title">
        <h2 id="headline-title" className="mb-4 font-serif text-2xl font-bold">
          The latest UK figures
        </h2>
        <HeadlineGrid figures={headlines.main} label="The latest UK figures" />
      </section>

      {headlines.founding.length > 0 ? (
        <section aria-labelledby="founding-title">
          <h2 id="founding-title" className="font-serif text-xl font-bold">
            Also reported at the first announcement
          </h2>
          <p className="mb-4 text-sm">Figures no later report has updated.</p>
          <HeadlineGrid figures={headlines.founding} label="Also reported at the first announcement" />
        </section>
      ) : null}

      {charts.map((chart) => (
        <ChartCard key={chart.slug} chart={chart} href={chartHref?.(chart.slug)} />
      ))}
    </div>
  );
}
