/**
 * Everything that turns React elements into markup outside Next's React: the embed documents
 * and the chart images. Next refuses react-dom/server inside its server bundles, so this module
 * is bundled separately at build time (scripts/build-renderer.ts) with React, ReactDOM and
 * Recharts left to Node, and loaded by lib/render/renderer.ts. See docs/decisions/0008.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { EmbedDocument, type EmbedDocumentProps } from "@/components/embed/embed-document";
import { chartSvgDocument } from "./chart-svg";
import { svgToPng } from "./png";

export function renderEmbedDocument(props: EmbedDocumentProps): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(createElement(EmbedDocument, props))}`;
}

export { chartSvgDocument, svgToPng };
