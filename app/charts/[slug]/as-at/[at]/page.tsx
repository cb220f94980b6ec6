import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChartPage } from "@/components/charts/chart-page";
import { fetchChartPage } from "@/lib/data/chart-page.server";
import { siteUrl } from "@/lib/site.server";

export const revalidate = 60;

// `/charts/<chart>?at=<day or revision>`, sent here by next.config.ts's rewrite: a page of its own
// rather than a query the chart's page reads, so that both are kept whole by Next's cache and read
// without JavaScript (a page that reads its query is streamed, its chart hidden until a script runs).
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; at: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, at } = await params;
  const view = await fetchChartPage(slug, decodeURIComponent(at));
  if (!view) return {};
  const when = view.asAt ? ` (the record as at ${view.asAt.date})` : "";
  return {
    title: `${view.chart.title}${when}`,
    description: view.chart.takeaway,
    alternates: { canonical: `${siteUrl()}/charts/${slug}` },
  };
}

export default async function ChartAsAtRoute({ params }: Props) {
  const { slug, at } = await params;
  const view = await fetchChartPage(slug, decodeURIComponent(at));
  if (!view) notFound();
  return <ChartPage {...view} />;
}
