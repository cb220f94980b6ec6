"use client";

import { lazy, Suspense, useState } from "react";
import type { DrawnBody, DrawnTimeline } from "@/lib/charts/types";
import { TIMELINE_HEIGHT } from "@/lib/charts/geometry";
import { PanelsChart } from "./panels-chart";

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

/**
 * A chart, as SVG in the server's HTML, and interactive in the browser.
 *
 * Bar panels are drawn without a chart library (panel-svg.tsx), so they are hydrated like any
 * component. A timeline needs Recharts, whose code loads only when the reader scrolls near it:
 * it is a lazy component whose loader waits for that, and React leaves the server's HTML of a
 * suspended lazy component in place until its code has arrived, so a page of many charts does
 * not spend its first seconds on charts nobody looks at. The price of the Suspense boundary this
 * takes: React may send a large boundary after the page and move it into place with a script,
 * so without JavaScript a timeline can stay hidden (its table and description remain).
 */
export function DeferredChart({ id, title, body }: Props) {
  if (body.type === "panels") return <PanelsChart id={id} body={body} />;
  return <DeferredTimeline id={id} title={title} body={body} />;
}

function DeferredTimeline({ id, title, body }: { id: string; title: string; body: DrawnTimeline }) {
  const boxId = `${id}-chart`;
  const [Chart] = useState(() =>
    lazy(async () => {
      await nearScreen(boxId);
      const { TimelineChart } = await import("./timeline-chart");
      return { default: () => <TimelineChart id={id} title={title} body={body} /> };
    }),
  );
  return (
    <div id={boxId}>
      <Suspense fallback={<div style={{ height: TIMELINE_HEIGHT }} />}>
        <Chart />
      </Suspense>
    </div>
  );
}
