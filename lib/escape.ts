/**
 * One escaping function per format that is written outside React (React escapes what it
 * renders). Each one takes any JavaScript string, including what a form should never have let
 * through (control characters, lone surrogates), and gives text that its format's parser reads
 * back as the same words: a record that holds something odd must not break an export.
 */

/**
 * What XML 1.0 cannot hold at all, even escaped (its Char production): C0 controls other than
 * tab, line feed and carriage return, U+FFFE and U+FFFF, and lone surrogates.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * A whole XML document with what XML cannot hold replaced by U+FFFD: for documents that embed
 * markup rendered elsewhere (React escapes markup, not control characters).
 */
export function xmlSafe(document: string): string {
  return document.replace(NOT_XML, "\uFFFD");
}

/** Text for an SVG or XML document, in element content or in a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "\uFFFD").replace(/[&<>"']/g, (character) => XML_ENTITIES[character] ?? character);
}

/**
 * Text for HTML, in element content or in a quoted attribute. The HTML parser would turn NUL
 * and lone surrogates into U+FFFD itself; doing it here keeps the served bytes valid UTF-8.
 */
export function escapeHtml(text: string): string {
  return escapeXml(text);
}

/**
 * A value as JSON inside an HTML `<script>` element: `</script>` and `<!--` cannot end or
 * change the element, and U+2028/U+2029 cannot end a line of the script. JSON.stringify already
 * writes lone surrogates as \u escapes.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
