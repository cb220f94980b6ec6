import { EMBED_LAYOUT } from "@/lib/charts/geometry";
import { EMBED_SHADES, PALETTE, chartInkRules, cssRules } from "@/lib/charts/palette";

/** "#555555" as "#555": the stylesheet travels in every embed. */
function shortHex(colour: string): string {
  return colour.replace(/^#(\w)\1(\w)\2(\w)\3$/, "#$1$2$3");
}

const LIGHT = [
  `--ink:${PALETTE.ink.DEFAULT}`,
  `--muted:${shortHex(PALETTE.ink.muted)}`,
  `--paper:${shortHex(PALETTE.paper.raised)}`,
  `--line:${EMBED_SHADES.hairline}`,
  `--link:${PALETTE.accent.DEFAULT}`,
  "color-scheme:light",
].join(";");
const DARK = [
  `--ink:${PALETTE.ink.inverse}`,
  `--muted:${EMBED_SHADES.inverseMuted}`,
  `--paper:${PALETTE.paper.dark}`,
  `--line:${EMBED_SHADES.hairlineDark}`,
  `--link:${PALETTE.accent.dark}`,
  "color-scheme:dark",
].join(";");

/** What every embed's stylesheet starts with: colours that follow ?theme=, and the page's type. */
export const EMBED_THEME_CSS = `
:root{${LIGHT}}
:root[data-theme=dark]{${DARK}}
@media (prefers-color-scheme:dark){:root[data-theme=auto]{${DARK}}}
*{box-sizing:border-box}
html,body{margin:0;background:var(--paper);color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}`;

/**
 * The embed's whole stylesheet, inlined so the chart paints from the first response. Colours
 * follow ?theme= (light, dark, or the reader's system for auto); sizes are the embed's layout
 * that oEmbed's height estimate assumes.
 */
export const EMBED_CSS = `${EMBED_THEME_CSS}
body{padding:${EMBED_LAYOUT.paddingY}px ${EMBED_LAYOUT.paddingX}px;min-width:0}
a{color:var(--link)}
h1{font:700 1.25rem/1.25 Georgia,"Times New Roman",serif;margin:0 0 4px}
.takeaway{margin:0 0 10px}
.panels-grid{display:grid;gap:${EMBED_LAYOUT.rowGap}px ${EMBED_LAYOUT.columnGap}px}
@media (min-width:${EMBED_LAYOUT.twoColumnsFrom}px){.panels-grid{grid-template-columns:1fr 1fr}}
.panel-title{font-size:.85rem;margin:0 0 2px}
.chart-box{position:relative;width:100%}
.chart-box .recharts-wrapper{width:100%!important;height:100%!important}
.chart-box svg{display:block;width:100%;height:100%}
${cssRules(chartInkRules("currentColor"), ".chart-box ").join("\n")}
.legend{display:flex;flex-wrap:wrap;gap:2px 14px;margin:0 0 6px;padding:0;list-style:none;font-size:.85rem}
.legend span{display:inline-block;width:14px;height:4px;border-radius:2px;margin-right:5px;vertical-align:middle}
.markers{margin:6px 0 0;padding:0;list-style:none;font-size:.75rem;color:var(--muted)}
[data-figure-id]:focus{outline:2px solid var(--ink);outline-offset:1px}
.tip{position:absolute;z-index:2;max-width:16rem;padding:6px 9px;border:1px solid var(--line);border-radius:4px;background:var(--paper);color:var(--ink);font-size:.8rem;box-shadow:0 2px 6px rgba(0,0,0,.2);pointer-events:none}
details{margin-top:8px;font-size:.85rem}
summary{cursor:pointer;color:var(--link)}
.table-box{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin-top:6px}
th,td{text-align:left;padding:4px 8px 4px 0;border-bottom:1px solid var(--line);vertical-align:top}
td.value{text-align:right;white-space:nowrap}
.source{margin:8px 0 0;font-size:.75rem;color:var(--muted)}
.corrected{font-weight:700}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;
