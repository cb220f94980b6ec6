import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { escapeHtml, escapeXml, jsonForScript } from "./escape";

const { DOMParser } = new JSDOM().window;

/** Any string, from every plane of Unicode, with controls and lone surrogates among them. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 10 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), maxLength: 5 }),
);

/** What an XML parser can give back for a text: the same, less what XML cannot hold. */
function xmlReadable(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, "\uFFFD")
    .replace(/\r\n?/g, "\n");
}

describe("escapeXml", () => {
  it("escapes markup and replaces what XML forbids", () => {
    expect(escapeXml(`a < b & "c" 'd' > e`)).toBe("a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; e");
    expect(escapeXml("NUL\u0000 ESC\u001b lone\ud800")).toBe("NUL\uFFFD ESC\uFFFD lone\uFFFD");
    expect(escapeXml("pair 😀 kept")).toBe("pair 😀 kept");
  });

  it("gives a well-formed SVG for any text, whose parser reads back the same words", () => {
    fc.assert(
      fc.property(anyText, anyText, (title, attribute) => {
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" aria-label="${escapeXml(attribute)}"><title>${escapeXml(title)}</title></svg>`;
        const document = new DOMParser().parseFromString(svg, "image/svg+xml");
        expect(document.getElementsByTagName("parsererror")).toHaveLength(0);
        expect(document.getElementsByTagName("title")[0]?.textContent).toBe(xmlReadable(title));
      }),
    );
  });
});

describe("escapeHtml", () => {
  it("gives HTML whose parser reads back the same words, in text and in attributes", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const document = new DOMParser().parseFromString(
          `<p title="${escapeHtml(text)}">${escapeHtml(text)}</p>`,
          "text/html",
        );
        const paragraph = document.querySelector("p");
        expect(paragraph?.childElementCount).toBe(0);
        expect(paragraph?.getAttribute("title")).toBe(xmlReadable(text));
      }),
    );
  });
});

describe("jsonForScript", () => {
  it("cannot end its script element, and parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), anyText, (value, text) => {
        const json = jsonForScript({ value, text });
        expect(json).not.toMatch(/<\/script|<!--|[\u2028\u2029]/i);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ value, text })));
      }),
    );
  });
});
