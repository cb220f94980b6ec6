import Link from "next/link";
import type { ChartSpec } from "@/lib/charts/types";
import { ChartLegend } from "./chart-legend";
import { ChartMarkers } from "./chart-markers";
import { ChartSources } from "./chart-sources";
import { ChartView } from "./chart-view";

/** A chart on the overview: title, takeaway, the chart, its sources and a link to its page (or its preview's). */
export function ChartCard({ chart, href = `/charts/${chart.slug}` }: { chart: ChartSpec; href?: string }) {
  return (
    <section aria-labelledby={`${chart.slug}-title`} className="border-t border-black/10 pt-6 dark:border-white/15">
      <h2 id={`${chart.slug}-title`} className="font-serif text-2xl font-bold">
        {chart.title}
      </h2>
      <p className="mb-3 mt-1 text-base">{chart.takeaway}</p>
      <ChartLegend chart={chart} />
      <ChartView chart={chart} />
      <ChartMarkers chart={chart} />
      <div className="mt-3 space-y-1">
        <ChartSources chart={chart} limit={3} />
        <p className="text-sm">
          <Link href={href}>
            Explore this chart<span className="sr-only">: {chart.title}</span>, its data and sources
          </Link>
        </p>
      </div>
    </section>
  );
}
