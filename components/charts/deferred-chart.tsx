"use client";

import { lazy, Suspense, useState } from "react";
import type { DrawnBody } from "@/lib/charts/types";
import { PANEL_TITLE_HEIGHT, TIMELINE_HEIGHT, panelHeight } from "@/lib/charts/geometry";

/** Resolves once the element is near the screen; at once on the server or in old browsers. */
function nearScreen(id: string): Promise<void> {
  if (typeof window === "undefined" || !("IntersectionObserver" in window)) return Promise.resolve();
  const element = document.getElementById(id);
  if (!element) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        resolve();
      },
      { rootMargin: "300px 0px" },
    );
    observer.observe(element);
  });
}

type Props = { id: string; title: string; body: DrawnBody };

/** The space a chart takes, kept while its code loads after a client-side navigation. */
function reservedHeight(body: DrawnBody): number {
  if (body.type === "timeline") return TIMELINE_HEIGHT;
  return body.panels.reduce(
    (sum, panel) => sum + panelHeight(panel) + (body.panels.length > 1 ? PANEL_TITLE_HEIGHT.dashboard : 0),
    0,
  );
}

/**
 * A chart whose interactive code loads only when the reader scrolls near it. The server renders
 * it whole, so its SVG is in the HTML; in the browser, React leaves that server HTML in place
 * (a suspended lazy component is not hydrated) until the chart's code has arrived. A page of
 * many charts therefore does not spend its first seconds hydrating charts nobody looks at.
 */
export function DeferredChart({ id, title, body }: Props) {
  const boxId = `${id}-chart`;
  const [Chart] = useState(() =>
    lazy(async () => {
      await nearScreen(boxId);
      if (body.type === "timeline") {
        const { TimelineChart } = await import("./timeline-chart");
        return { default: () => <TimelineChart id={id} title={title} body={body} /> };
      }
      const { PanelsChart } = await import("./panels-chart");
      return { default: () => <PanelsChart id={id} body={body} /> };
    }),
  );
  return (
    <div id={boxId}>
      <Suspense fallback={<div style={{ height: reservedHeight(body) }} />}>
        <Chart />
      </Suspense>
    </div>
  );
}
