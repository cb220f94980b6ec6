import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ChartPage } from "@/components/charts/chart-page";
import { fetchChartPage } from "@/lib/data/chart-page.server";
import { siteUrl } from "@/lib/site.server";

// `/charts/<chart>?at=<day or revision>`, sent here by proxy.ts: rendered per address, and kept,
// within the bounds of the renders per query, by the app's own server (decisions 0017, 0021).
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function asked({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const at = Array.isArray(query.at) ? query.at[0] : query.at;
  // Asked for by this address itself, with no day: the live chart has its own.
  if (!at?.trim()) redirect(`/charts/${encodeURIComponent(slug)}`);
  return fetchChartPage(slug, at);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await asked(props);
  if (!found.ok || !found.view.asAt) return {};
  const { chart, asAt } = found.view;
  return {
    title: `${chart.title} (the record as at ${asAt.date})`,
    description: chart.takeaway,
    alternates: { canonical: `${siteUrl()}/charts/${chart.slug}` },
  };
}

export default async function ChartAsAtRoute(props: Props) {
  const found = await asked(props);
  // The 404 says why (./not-found.tsx).
  if (!found.ok) notFound();
  return <ChartPage {...found.view} />;
}
