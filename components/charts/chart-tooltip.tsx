"use client";

import type { DrawnDatum } from "@/lib/charts/types";

/** What a reader sees on hover or keyboard focus: the figure as reported, when, and by whom. */
export function DatumTooltip({ data }: { data: DrawnDatum[] }) {
  if (data.length === 0) return null;
  return (
    <div className="max-w-64 rounded border border-black/15 bg-paper-raised px-3 py-2 text-sm text-ink shadow-md dark:border-white/20 dark:bg-paper-dark-raised dark:text-ink-inverse">
      {data.map((datum) => (
        <p key={datum.figureId} className="py-0.5">
          <span className="block font-semibold">{datum.label}</span>
          <span className="block">{datum.display}</span>
          <span className="block text-xs">
            {datum.asOfDisplay} · {datum.sourceName}
          </span>
        </p>
      ))}
    </div>
  );
}
