"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ChartLegend } from "@/components/charts/chart-legend";
import { ChartMarkers } from "@/components/charts/chart-markers";
import { ChartTable } from "@/components/charts/chart-table";
import { ChartView } from "@/components/charts/chart-view";
import { previewChartAction } from "@/lib/admin/actions";
import { chartRows } from "@/lib/charts/rows";
import type { ChartSpec } from "@/lib/charts/types";
import { StatusMessage } from "./status-message";

/** The widths the editor sees the chart at: an article's column on a desktop, and a phone. */
const WIDTHS = [
  { name: "desktop", label: "Desktop, 720 pixels", width: 720 },
  { name: "phone", label: "Phone, 360 pixels", width: 360 },
] as const;

/** How long typing may pause before the preview is drawn again. */
const PAUSE_MS = 400;

/**
 * The chart as readers will see it, at two widths, with the description screen readers hear and
 * its table. The server draws the saved chart into the page; as the editor changes the form, the
 * server draws the unsaved one (nothing is saved) and the preview follows.
 */
export function ChartPreview({ initial, values }: { initial: ChartSpec | null; values: Record<string, string> }) {
  const [chart, setChart] = useState(initial);
  const [drawn, setDrawn] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef(true);
  // Each drawing's ids are its own: the chart is drawn at two widths, and an SVG's clip paths and
  // the labels that point at its description are found by id, which must not repeat in the page.
  const mount = useId().replace(/[^\w-]/g, "");

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const form = new FormData();
      for (const [name, value] of Object.entries(values)) form.set(name, value);
      const outcome = await previewChartAction(form);
      if (!current) return;
      if (outcome.status === "preview") {
        setChart(outcome.chart);
        setDrawn((count) => count + 1);
        setProblem(null);
      } else if (outcome.status !== "idle") {
        setProblem(outcome.message);
      }
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [values]);

  const heading = (
    <h2 id="preview-title" className="font-serif text-xl font-bold">
      Preview
    </h2>
  );
  if (!chart) {
    return (
      <section aria-labelledby="preview-title" className="mt-8 space-y-4" data-testid="chart-preview">
        {heading}
        <p className="text-sm" role="status">
          {problem ?? "The preview appears here as you fill in the form: a title, an address and what to show."}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="preview-title" className="mt-8 space-y-4" data-testid="chart-preview">
      {heading}
      <p className="text-sm" role="status">
        {problem ? null : `${chart.title}: ${chart.takeaway}`}
      </p>
      {problem ? <StatusMessage tone="error">{problem}</StatusMessage> : null}
      <div className="flex flex-wrap items-start gap-6">
        {WIDTHS.map(({ name, label, width }) => (
          <figure
            key={name}
            className="overflow-hidden rounded border border-black/15 p-3 dark:border-white/20"
            style={{ width }}
            data-testid={`preview-${name}`}
          >
            <figcaption className="mb-2 text-xs text-ink-muted dark:text-ink-inverse/70">{label}</figcaption>
            <p className="font-serif text-lg font-bold">{chart.title}</p>
            <ChartLegend chart={chart} />
            {/* Keyed by each drawing: a chart's interactive code keeps the data it was first given. */}
            <ChartView key={drawn} chart={{ ...chart, slug: `preview-${mount}-${drawn}-${name}-${chart.slug}` }} />
            <ChartMarkers chart={chart} />
          </figure>
        ))}
      </div>
      <div className="max-w-3xl">
        <h3 className="font-semibold">What screen readers hear</h3>
        <p className="text-sm" data-testid="preview-description">
          {chart.description}
        </p>
      </div>
      <ChartTable caption={`${chart.title}: every figure drawn`} rows={chartRows(chart)} />
    </section>
  );
}
