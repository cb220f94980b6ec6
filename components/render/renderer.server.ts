/**
 * The renderer bundle's entry: everything that turns React elements into markup outside Next's
 * React, the embed documents and the chart images. Next refuses react-dom/server inside its
 * server bundles, so scripts/build/renderer.ts bundles this module on its own, with React,
 * ReactDOM, Recharts and resvg left to Node, and lib/render/renderer.server.ts loads it as the
 * ChartRenderer that module declares. See docs/decisions/0008.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { EmbedDocument } from "@/components/embed/embed-document";
import { FigureCardDocument } from "@/components/embed/figure-card-document";
import { embedScripts } from "@/components/embed/inline-scripts.server";
import type { ChartRenderer } from "@/lib/render/renderer.server";
import { chartImage } from "./chart-image";
import { figureCardImage } from "./figure-card-image";
import { svgToPng } from "./png.server";

export const chartRenderer: ChartRenderer = {
  embedDocument(request) {
    const scripts = embedScripts(request.chart.slug, !request.params.static);
    return {
      html: `<!DOCTYPE html>${renderToStaticMarkup(createElement(EmbedDocument, { ...request, scripts }))}`,
      scriptHashes: [scripts.resize, scripts.loadInteraction].flatMap((script) => (script ? [script.hash] : [])),
    };
  },
  chartSvg: chartImage,
  chartPng: (chart, size) => new Uint8Array(svgToPng(chartImage(chart, size))),
  figureCardDocument(request) {
    // A card has nothing to point at or hover: it carries the resize script alone.
    const { resize } = embedScripts(`figure-${request.card.id}`, false);
    return {
      html: `<!DOCTYPE html>${renderToStaticMarkup(createElement(FigureCardDocument, { ...request, resize }))}`,
      scriptHashes: [resize.hash],
    };
  },
  figureCardPng: (request) => new Uint8Array(svgToPng(figureCardImage(request))),
};
