import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsAtBanner } from "@/components/as-at/as-at-banner";
import { AsAtChoice } from "@/components/as-at/as-at-choice";
import { FigureFiltersNotice } from "@/components/figures/figure-filters-notice";
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
import { fetchAsAtDays, findAsAt } from "@/lib/as-at/read.server";
import { fetchChart, fetchChartAsAt, fetchLatestRevision } from "@/lib/data/charts.server";
import { siteUrl } from "@/lib/site.server";

// Charts are records, and a chart page reads its address (`?at=`, the record as it stood), so each
// is rendered per address and kept ready by the app's own server until an editor's save clears it
// (decisions 0017, 0021). Next's incremental cache cannot hold a page that reads its query.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

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
      types: { "application/json+oembed": `${site}/api/oembed?url=${encodeURIComponent(address)}&format=json` },
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

export default async function ChartPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const asked = (await searchParams).at;
  const found = await findAsAt(Array.isArray(asked) ? asked[0] : asked);
  // A day or revision the record cannot show is said, and the live chart shown instead.
  const asAt = found.ok ? found.asAt : null;
  const [chart, latestRevision, days] = await Promise.all([
    asAt ? fetchChartAsAt(slug, asAt.revision) : fetchChart(slug),
    fetchLatestRevision(),
    fetchAsAtDays(),
  ]);
  if (!chart) notFound();
  const rows = chartRows(chart);
  // Pinned to the revision the embed's pinned code names, so both give one address for this version;
  // as it stood, to the revision shown.
  const pinned = asAt?.revision ?? latestRevision;
  const citation = await citeChartAt(chart, pinned);
  const dataQuery = asAt ? `?at=${encodeURIComponent(asAt.at)}` : "";
  return (
    <article className="space-y-6">
      <p className="text-sm">
        <Link href="/">Overview</Link> / Charts
      </p>
      <header className="max-w-3xl">
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{chart.title}</h1>
        <p className="mt-2 text-lg">{chart.takeaway}</p>
      </header>
      {asAt ? <AsAtBanner asAt={asAt} liveHref={`/charts/${chart.slug}`} /> : null}
      {found.ok ? null : <FigureFiltersNotice notices={[`${found.message} Showing the live chart.`]} />}
      <AsAtChoice
        action={`/charts/${chart.slug}`}
        keep={[]}
        value={asAt && !/^\d+$/.test(asAt.at) ? asAt.at : null}
        firstDay={days.firstDay}
        today={days.today}
      />
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
        latestRevision={pinned}
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
          <a href={`/api/charts/${chart.slug}.csv${dataQuery}`} download>
            Download the data (CSV)
          </a>{" "}
          · <a href={`/api/charts/${chart.slug}.json${dataQuery}`}>JSON</a>
        </p>
        <ChartTable caption={`${chart.title}: every figure drawn`} rows={rows} />
      </section>
    </article>
  );
}
