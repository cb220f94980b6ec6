import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartLegend } from "@/components/charts/chart-legend";
import { ChartMarkers } from "@/components/charts/chart-markers";
import { ChartSources } from "@/components/charts/chart-sources";
import { ChartTable } from "@/components/charts/chart-table";
import { ChartView } from "@/components/charts/chart-view";
import { CHART_IMAGE, EMBED_LAYOUT, embedHeight } from "@/lib/charts/geometry";
import { chartRows } from "@/lib/charts/rows";
import { CiteThis } from "@/components/citations/cite-this";
import { EmbedCode } from "@/components/embed/embed-code";
import { citeChartAt } from "@/lib/citations/read.server";
import { fetchChart, fetchLatestRevision } from "@/lib/data/charts.server";
import { siteUrl } from "@/lib/site.server";
import { CorrectionNoticeLine } from "@/components/corrections/correction-notice";
import { feedAlternates } from "@/lib/corrections/alternates";
import { fetchChartNotice } from "@/lib/corrections/pages.server";

export const revalidate = 60;

// Charts are records: each page is rendered when first asked for and kept like the others, until
// an editor's save clears it (lib/revalidate.server.ts). None is rendered at build time.
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

export default async function ChartPage({ params }: Props) {
  const { slug } = await params;
  const [chart, latestRevision, notice] = await Promise.all([
    fetchChart(slug),
    fetchLatestRevision(),
    fetchChartNotice(slug),
  ]);
  if (!chart) notFound();
  const rows = chartRows(chart);
  // Pinned to the revision the embed's pinned code names, so both give one address for this version.
  const citation = await citeChartAt(chart, latestRevision);
  return (
    <article className="space-y-6">
      <p className="text-sm">
        <Link href="/">Overview</Link> / Charts
      </p>
      <header className="max-w-3xl">
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{chart.title}</h1>
        <p className="mt-2 text-lg">{chart.takeaway}</p>
        {notice ? (
          <div className="mt-2">
            <CorrectionNoticeLine notice={notice} />
          </div>
        ) : null}
      </header>
      <div>
        <ChartLegend chart={chart} />
        <ChartView chart={chart} />
        <ChartMarkers chart={chart} />
      </div>
      <div className="space-y-1" id="sources">
        <ChartSources chart={chart} />
        {chart.notes.map((note) => (
          <p key={note} className="text-xs text-ink-muted dark:text-ink-inverse/75">
            {note}
          </p>
        ))}
      </div>
      <EmbedCode
        site={siteUrl()}
        slug={chart.slug}
        title={chart.title}
        latestRevision={latestRevision}
        height={embedHeight(chart, EMBED_LAYOUT.width)}
      />
      {citation.ok ? <CiteThis work={citation.work} id={chart.slug} /> : null}
      <section aria-labelledby="description-title" className="max-w-3xl">
        <h2 id="description-title" className="font-serif text-xl font-bold">
          What the chart shows
        </h2>
        <p className="mt-2 text-sm">{chart.description}</p>
      </section>
      <section aria-labelledby="data-title">
        <h2 id="data-title" className="font-serif text-xl font-bold">
          The data
        </h2>
        <p className="my-2 text-sm">
          <a href={`/api/charts/${chart.slug}.csv`} download>
            Download the data (CSV)
          </a>{" "}
          · <a href={`/api/charts/${chart.slug}.json`}>JSON</a> ·{" "}
          <Link href={`/charts/${chart.slug}/history`}>Corrections and updates</Link>
        </p>
        <ChartTable caption={`${chart.title}: every figure drawn`} rows={rows} />
      </section>
    </article>
  );
}
