import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChartPage } from "@/components/charts/chart-page";
import { CHART_IMAGE } from "@/lib/charts/geometry";
import { feedAlternates } from "@/lib/corrections/alternates";
import { fetchChartPage } from "@/lib/data/chart-page.server";
import { fetchChart } from "@/lib/data/charts.server";
import { siteUrl } from "@/lib/site.server";

export const revalidate = 60;

// Charts are records: each page is rendered when first asked for and kept like the others, until
// an editor's save clears it (lib/revalidate.server.ts). None is rendered at build time. The page
// reads no query, so that Next keeps it whole: the chart as the record stood (`?at=`) is
// ./as-at/[at], where proxy.ts sends it.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const chart = await fetchChart(slug);
  if (!chart) return {};
  const site = siteUrl();
  const address = `${site}/charts/${slug}`;
  return {
    title: chart.title,
    description: chart.takeaway,
    alternates: {
      canonical: address,
      types: {
        "application/json+oembed": `${site}/api/oembed?url=${encodeURIComponent(address)}&format=json`,
        ...feedAlternates(site, "corrections"),
      },
    },
    openGraph: {
      title: chart.title,
      description: chart.takeaway,
      type: "article",
      url: address,
      images: [{ url: `${site}/api/charts/${slug}.png`, ...CHART_IMAGE.preview, alt: chart.title }],
    },
  };
}

export default async function ChartRoute({ params }: Props) {
  const found = await fetchChartPage((await params).slug, null);
  if (!found.ok) notFound();
  return <ChartPage {...found.view} />;
}
