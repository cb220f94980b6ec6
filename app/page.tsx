import type { Metadata } from "next";
import { feedAlternates } from "@/lib/corrections/alternates";
import { ChartCard } from "@/components/charts/chart-card";
import { HeadlineGrid } from "@/components/figures/headline-figure";
import { DatasetJsonLd } from "@/components/open-data/dataset-json-ld";
import { SourceLink } from "@/components/sources/source-link";
import { fetchDashboardCharts } from "@/lib/data/charts.server";
import { fetchHeadlines } from "@/lib/figures/read.server";
import { datasetJsonLd } from "@/lib/open-data/dataset";
import { fetchRecordFacts } from "@/lib/open-data/read.server";
import { siteUrl } from "@/lib/site.server";

// Rendered once and served from the cache; an editor's save revalidates it (lib/revalidate.server.ts).
export const revalidate = 60;

const description =
  "Arrests, charges, convictions and seizures reported since the 2020 EncroChat take-down, each figure with its qualifier, its date and its source.";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: { absolute: "Operation Venetic: the public record" },
    description,
    openGraph: { title: "Operation Venetic: the public record", description, type: "website" },
    // Feed readers find the corrections and the new figures from the front page.
    alternates: { types: feedAlternates(siteUrl(), "corrections", "new-figures") },
  };
}

export default async function OverviewPage() {
  const [headlines, charts, facts] = await Promise.all([fetchHeadlines(), fetchDashboardCharts(), fetchRecordFacts()]);
  const { growth } = headlines;
  return (
    <div className="space-y-10">
      <DatasetJsonLd dataset={datasetJsonLd(facts, siteUrl())} />
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
        <ChartCard key={chart.slug} chart={chart} />
      ))}
    </div>
  );
}
