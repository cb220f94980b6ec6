/**
 * The site's colours, in one place: tailwind.config.ts makes them the pages' design tokens; the
 * embed's stylesheet and the chart images use them as they are. The series colours are the
 * Okabe–Ito palette, which readers with the common kinds of colour blindness can tell apart.
 */
export const PALETTE = {
  ink: { DEFAULT: "#1a1a1a", muted: "#555555", inverse: "#f2f2f2" },
  paper: { DEFAULT: "#fbfaf7", raised: "#ffffff", dark: "#121417", "dark-raised": "#1c1f24" },
  accent: { DEFAULT: "#0b5cab", dark: "#7cb7f2" },
  series: {
    blue: "#0072b2",
    orange: "#e69f00",
    green: "#009e73",
    vermillion: "#d55e00",
    sky: "#56b4e9",
    purple: "#cc79a7",
    yellow: "#f0e442",
  },
  conflict: { DEFAULT: "#9a3412", dark: "#fdba74" },
} as const;

/** The embed's own shades, where the pages blend theirs with opacity instead. */
export const EMBED_SHADES = {
  inverseMuted: "#c4c4c4",
  hairline: "rgba(0,0,0,.15)",
  hairlineDark: "rgba(255,255,255,.2)",
} as const;

/** The series colours that keep 3:1 contrast on both light and dark pages, in the order series take them. */
export const SERIES_COLORS = [PALETTE.series.blue, PALETTE.series.vermillion, PALETTE.series.green] as const;

export type CssRule = { selectors: string[]; declarations: Record<string, string> };

/**
 * How a drawing's text and lines are inked: all in one colour (the page's text colour, or the
 * image's ink), lines told apart by strength. The embed and the images write these rules out;
 * app/globals.css writes them by hand for the pages, and palette.test.ts checks it matches.
 */
export function chartInkRules(ink: string): CssRule[] {
  return [
    {
      selectors: [".recharts-text", ".chart-bar-label", ".chart-marker-label"],
      declarations: { fill: ink, "font-size": "12px" },
    },
    { selectors: [".chart-bar-label"], declarations: { "font-size": "13px" } },
    {
      selectors: [".recharts-cartesian-axis-line", ".recharts-cartesian-axis-tick-line"],
      declarations: { stroke: ink, "stroke-opacity": ".5" },
    },
    { selectors: [".chart-grid line"], declarations: { stroke: ink, "stroke-opacity": ".15" } },
    { selectors: ["line.chart-marker"], declarations: { stroke: ink, "stroke-opacity": ".6" } },
  ];
}

/** Rules as minified CSS, each selector inside `scope` (such as ".chart-box "), one rule per item. */
export function cssRules(rules: CssRule[], scope = ""): string[] {
  return rules.map(
    ({ selectors, declarations }) =>
      `${selectors.map((selector) => scope + selector).join(",")}{${Object.entries(declarations)
        .map(([property, value]) => `${property}:${value}`)
        .join(";")}}`,
  );
}
