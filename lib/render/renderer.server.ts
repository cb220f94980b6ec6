import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ChartSpec } from "@/lib/charts/types";
import type { EmbedParams } from "@/lib/embed/params";
import type { FigureCard } from "@/lib/figures/card";
import { RENDERER_BUNDLE } from "./paths.server";

export type EmbedRequest = { chart: ChartSpec; params: EmbedParams; chartUrl: string };

/** An embed's whole HTML document, and the SHA-256 (base64) of each inline script in it, for its CSP. */
export type RenderedEmbed = { html: string; scriptHashes: string[] };

/** A figure's card, in the embed's theme (the image draws "auto" light). */
export type FigureCardRequest = { card: FigureCard; theme: EmbedParams["theme"] };

/** An image's width, and its height when the image must fill a fixed frame (the link preview). */
export type ImageSize = { width: number; height?: number };

/**
 * What the app asks of the renderer bundle: the charts drawn outside Next's React (docs/decisions/0008).
 * components/render/renderer.server.ts implements it as `chartRenderer`; scripts/build/renderer.ts bundles
 * that into RENDERER_BUNDLE, which Node loads here, out of sight of Next's bundler.
 */
export interface ChartRenderer {
  embedDocument(request: EmbedRequest): RenderedEmbed;
  /** The chart with its title and source line, as a standalone SVG document. */
  chartSvg(chart: ChartSpec, size: ImageSize): string;
  chartPng(chart: ChartSpec, size: ImageSize): Uint8Array<ArrayBuffer>;
  /** One figure alone, as a whole HTML document for an iframe; and as a link preview's PNG. */
  figureCardDocument(request: FigureCardRequest): RenderedEmbed;
  figureCardPng(request: FigureCardRequest): Uint8Array<ArrayBuffer>;
}

let renderer: ChartRenderer | undefined;

export function chartRenderer(): ChartRenderer {
  if (renderer) return renderer;
  const bundle = path.resolve(/*turbopackIgnore: true*/ process.cwd(), RENDERER_BUNDLE);
  if (!existsSync(bundle)) {
    throw new Error(`${RENDERER_BUNDLE} is missing: run npm run build (npm start does it when needed).`);
  }
  const bundled = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"))(bundle) as {
    chartRenderer: ChartRenderer;
  };
  renderer = bundled.chartRenderer;
  return renderer;
}
