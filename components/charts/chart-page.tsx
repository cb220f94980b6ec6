import Link from "next/link";
import { AsAtBanner } from "@/components/as-at/as-at-banner";
import { AsAtChoice } from "@/components/as-at/as-at-choice";
import { ChartLegend } from "@/components/charts/chart-legend";
import { ChartMarkers } from "@/components/charts/chart-markers";
import { ChartSources } from "@/components/charts/chart-sources";
import { ChartTable } from "@/components/charts/chart-table";
import { ChartView } from "@/components/charts/chart-view";
import { CiteThis } from "@/components/citations/cite-this";
import { CorrectionNoticeLine } from "@/components/corrections/correction-notice";
import { EmbedCode } from "@/components/embed/embed-code";
import { EMBED_LAYOUT, embedHeight } from "@/lib/charts/geometry";
import { chartRows } from "@/lib/charts/rows";
import type { ChartPageView } from "@/lib/data/chart-page.server";

/**
 * A chart's page, live or as the record stood: one large chart, its sources, embed code, citation
 * and data. As it stood, a banner says so first, and the data files offered are as it stood too. A
 * held change's private preview sends "Overview" and "the embed alone" to its own previews of them.
 */
export function ChartPage({
  chart,
  pinned,
  citation,
  asAt,
  notice,
  days,
  site,
  overviewHref = "/",
  embedHref,
}: ChartPageView & { overviewHref?: string; embedHref?: string }) {
  const rows = chartRows(chart);
  const dataQuery = asAt ? `?at=${encodeURIComponent(asAt.at)}` : "";
  const live = `/charts/${chart.slug}`;
  return (
    <article className="space-y-6">
      <p className="text-sm">
        <Link href={overviewHref}>Overview</Link> / Charts
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
      {asAt ? <AsAtBanner asAt={asAt} liveHref={live} /> : null}
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
      <AsAtChoice
        action={live}
        keep={[]}
        value={asAt && !/^\d+$/.test(asAt.at) ? asAt.at : null}
        firstDay={days.firstDay}
        today={days.today}
      />
      <EmbedCode
        site={site}
        slug={chart.slug}
        title={chart.title}
        latestRevision={pinned}
        previewHref={embedHref}
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
          · <a href={`/api/charts/${chart.slug}.json${dataQuery}`}>JSON</a> ·{" "}
          <Link href={`/charts/${chart.slug}/history`}>Corrections and updates</Link>
        </p>
        <ChartTable caption={`${chart.title}: every figure drawn`} rows={rows} />
      </section>
    </article>
  );
}
