import type { Metadata } from "next";
import { feedAlternates } from "@/lib/corrections/alternates";
import { DatasetJsonLd } from "@/components/open-data/dataset-json-ld";
import { Overview } from "@/components/overview/overview";
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
  return (
    <>
      <DatasetJsonLd dataset={datasetJsonLd(facts, siteUrl())} />
      <Overview headlines={headlines} charts={charts} />
    </>
  );
}
