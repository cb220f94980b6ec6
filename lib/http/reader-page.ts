/**
 * A public page as readers receive it: Next's HTML without Next's client runtime (decision 0024).
 *
 * Every public page is complete in its server-rendered HTML: text, tables, charts as SVG, forms
 * that submit without JavaScript. What Next adds for the browser (React, its router and a second
 * copy of the whole page as React's payload, to hydrate it) doubled the pages' weight and was most
 * of their time to interactive, for no behaviour a reader uses. The few things that do want code
 * (a chart's tooltips and keys, the embed code's version and copy button) are done by
 * `public/reader.js`, which this adds where the page has them.
 */

/** Next's script files (`/_next/static/...`), and the preloads that fetch them early. */
const NEXT_SCRIPT_FILE = /<script\b[^>]*\bsrc="\/_next\/[^"]*"[^>]*><\/script>/g;
const NEXT_SCRIPT_PRELOAD = /<link\b(?=[^>]*\bas="script")(?=[^>]*\bhref="\/_next\/)[^>]*>/g;
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

/**
 * Next's own inline scripts: the payload React hydrates from (`self.__next_f`) and the bundler's
 * bootstrap. React's few scripts that reveal streamed parts (`$RC`) stay: without them a part
 * streamed after its placeholder would stay hidden.
 */
function isNextRuntime(script: string): boolean {
  return /^\s*\(?self\.__next_f\b/.test(script) || script.includes('globalThis["TURBOPACK"]');
}

/** The marks reader.js works on: chart marks, and the embed code's panel. */
const NEEDS_READER_SCRIPT = /\sdata-(?:figure-id|embed-code)=/;

export const READER_SCRIPT = "/reader.js";

/**
 * Next's error shell: what it sends when a page calls `notFound()` or fails, an empty body whose
 * content (the not-found page) only its runtime draws (vercel/next.js#62228). It keeps its runtime.
 */
const ERROR_SHELL = '<html id="__next_error__"';

export function readerPage(html: string): string {
  if (html.includes(ERROR_SHELL)) return html;
  const page = html
    .replace(NEXT_SCRIPT_FILE, "")
    .replace(NEXT_SCRIPT_PRELOAD, "")
    .replace(INLINE_SCRIPT, (whole, script: string) => (isNextRuntime(script) ? "" : whole));
  const script = `<script src="${READER_SCRIPT}" defer></script>`;
  if (!NEEDS_READER_SCRIPT.test(page) || page.includes(script)) return page;
  return page.includes("</head>") ? page.replace("</head>", `${script}</head>`) : page;
}
