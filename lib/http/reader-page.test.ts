import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { READER_SCRIPT, readerPage } from "./reader-page";

// The shape of a page as `next build` (Next 16, Turbopack) renders it, cut short.
const HEAD =
  '<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/1gjk0bdm1r8-r.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/3y705tc4v-41-.js"/>' +
  '<script src="/_next/static/chunks/08bo_e3ep0xmd.js" async=""></script>' +
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>' +
  '<link rel="icon" href="/favicon.svg"/></head>';
const RUNTIME =
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>' +
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" +
  '<script>self.__next_f.push([1,"1:[\\"$\\",\\"p\\",null,{\\"children\\":\\"Arrests\\"}]\\n"])</script>';
const JSON_LD = '<script type="application/ld+json">{"@type":"Dataset","name":"Operation Venetic"}</script>';
const REVEAL = '<script>$RC("B:0","S:0")</script>';
const CHART =
  '<div data-chart="uk-totals"><svg><circle data-figure-id="itv-2020-07-02-arrested"></circle></svg>' +
  '<script type="application/json" data-chart-tooltips="">{"itv-2020-07-02-arrested":{"label":"People arrested"}}</script></div>';

function page(body: string): string {
  return `${HEAD}<body><main>${body}</main>${RUNTIME}</body></html>`;
}

describe("a public page as readers receive it", () => {
  it("leaves out Next's scripts, their preloads and React's payload, and keeps the stylesheet", () => {
    const sent = readerPage(page("<h1>The record</h1>"));
    expect(sent).not.toContain("/_next/static/chunks/08bo_e3ep0xmd.js");
    expect(sent).not.toContain('as="script"');
    expect(sent).not.toContain("noModule");
    expect(sent).not.toContain("__next_f");
    expect(sent).not.toContain("TURBOPACK");
    expect(sent).toContain(
      '<link rel="stylesheet" href="/_next/static/chunks/1gjk0bdm1r8-r.css" data-precedence="next"/>',
    );
    expect(sent).toContain("<h1>The record</h1>");
  });

  it("keeps the page's own data and React's script that reveals a streamed part", () => {
    const sent = readerPage(page(JSON_LD + REVEAL + CHART));
    expect(sent).toContain(JSON_LD);
    expect(sent).toContain(REVEAL);
    expect(sent).toContain('data-chart-tooltips="">{"itv-2020-07-02-arrested"');
  });

  it("adds the readers' script once, in the head, only to pages with a chart or embed code", () => {
    const withChart = readerPage(page(CHART));
    expect(withChart.match(/<script src="\/reader\.js" defer><\/script>/g)).toHaveLength(1);
    expect(withChart.indexOf(READER_SCRIPT)).toBeLessThan(withChart.indexOf("</head>"));
    expect(readerPage(page('<details data-embed-code="">code</details>'))).toContain(READER_SCRIPT);
    expect(readerPage(page("<table><tr><td>746</td></tr></table>"))).not.toContain(READER_SCRIPT);
  });

  it("leaves Next's error shell as it is: only its runtime draws the not-found page into it", () => {
    const shell = `<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div>${RUNTIME}</body></html>`;
    expect(readerPage(shell)).toBe(shell);
  });

  it("changes nothing more when applied again", () => {
    const once = readerPage(page(CHART + JSON_LD));
    expect(readerPage(once)).toBe(once);
  });

  it("never changes a page's text, whatever it says", () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes("<")),
        (text) => {
          const sent = readerPage(page(`<p>${text}</p>`));
          expect(sent).toContain(`<p>${text}</p>`);
          expect(sent).not.toContain("__next_f");
        },
      ),
    );
  });
});
