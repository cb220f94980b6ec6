import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chartInkRules, cssRules, type CssRule } from "./palette";

/** A stylesheet's plain rules (those inside @layer too), with "0.5" written as ".5". */
function stylesheetRules(css: string): CssRule[] {
  const uncommented = css.replace(/\/\*[\s\S]*?\*\//g, "");
  return [...uncommented.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selectors = "", body = ""]) => ({
    selectors: selectors.split(",").map((selector) => selector.trim().replace(/\s+/g, " ")),
    declarations: Object.fromEntries(
      body
        .split(";")
        .map((declaration) => declaration.trim())
        .filter(Boolean)
        .map((declaration) => {
          const [property = "", ...value] = declaration.split(":");
          return [property.trim(), value.join(":").trim().replace(/^0\./, ".")];
        }),
    ),
  }));
}

describe("chart ink", () => {
  it("is written into app/globals.css for the pages' charts as the embeds and images write it", () => {
    const pages = stylesheetRules(readFileSync(path.join(import.meta.dirname, "../../app/globals.css"), "utf8"));
    for (const rule of chartInkRules("currentColor")) {
      for (const selector of rule.selectors) {
        const written = pages.filter((candidate) => candidate.selectors.includes(`.chart-box ${selector}`));
        expect(
          written.map((candidate) => candidate.declarations),
          `app/globals.css: .chart-box ${selector}`,
        ).toContainEqual(rule.declarations);
      }
    }
  });

  it("reads back from the CSS it writes", () => {
    const rules = chartInkRules("#1a1a1a");
    expect(stylesheetRules(cssRules(rules, ".chart-box ").join("\n"))).toEqual(
      rules.map((rule) => ({ ...rule, selectors: rule.selectors.map((selector) => `.chart-box ${selector}`) })),
    );
  });
});
