import { Resvg } from "@resvg/resvg-js";

/** Rasterises one of our SVG documents at its own size, with the system's fonts. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } });
  return resvg.render().asPng();
}
