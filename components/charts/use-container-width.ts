"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The width a chart actually has. The server does not know it, so the first render (on the
 * server, and the hydration that must match it) uses `initial`; the SVG is scaled to fit by CSS
 * until then, and redrawn at the real width once the browser has measured it.
 */
export function useContainerWidth(initial: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  const [measured, setMeasured] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.floor(element.clientWidth)));
    measure();
    setMeasured(true);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // `measured` is false on the server and in the HTML: it says the chart is now interactive.
  return [ref, width, measured] as const;
}
