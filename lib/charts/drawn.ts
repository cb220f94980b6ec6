import type { ChartDatum, ChartSpec, DrawnBody, DrawnDatum } from "./types";

function drawnDatum({ figureId, label, value, display, asOfDisplay, sourceName }: ChartDatum): DrawnDatum {
  return { figureId, label, value, display, asOfDisplay, sourceName };
}

/** A chart's body with only what its drawing reads: what the browser is sent to make it interactive. */
export function drawnBody(body: ChartSpec["body"]): DrawnBody {
  if (body.type === "panels") {
    return {
      type: "panels",
      panels: body.panels.map(({ bars, ...panel }) => ({ ...panel, bars: bars.map(drawnDatum) })),
    };
  }
  return {
    type: "timeline",
    series: body.series.map(({ points, ...series }) => ({
      ...series,
      points: points.map((point) => ({ ...drawnDatum(point), time: point.time })),
    })),
    markers: body.markers.map(({ id, time }) => ({ id, time })),
  };
}
