/**
 * The largest form post the admin takes: a CSV import of up to a million characters
 * (lib/admin/figure-import.ts), some of them more than one byte, with the form around it.
 * Next.js enforces it for server actions (next.config.ts); proxy.ts refuses a larger post
 * before anything reads its body.
 */
export const MAX_FORM_BYTES = 4 * 1024 * 1024;

export function oversizedForm(contentLength: string | null): string | null {
  if (contentLength === null || !/^\d+$/.test(contentLength)) {
    return "Forms must be sent with their length (a Content-Length header).";
  }
  return Number(contentLength) > MAX_FORM_BYTES
    ? `That form is larger than ${MAX_FORM_BYTES / 1024 / 1024} MB; nothing was changed.`
    : null;
}

/** The longest query string a page reads; no filter of ours comes near it. */
export const MAX_QUERY_LENGTH = 2048;

const NOT_UTF8 =
  "The address's query string is not valid: each % sign must be followed by two hexadecimal digits, and together they must spell UTF-8 text.";

const CONTROL_CHARACTER =
  "The address's query string holds a control character (such as %00 or %0A), which no search or filter here takes.";

/**
 * Why an address's query string cannot be read at all, or null when it can. A query that reads
 * but asks for something unknown (a sort column that does not exist) is the page's to explain
 * with a notice; one that is not even valid percent-encoding, or absurdly long, is refused.
 */
export function malformedQuery(search: string): string | null {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (query.length > MAX_QUERY_LENGTH) {
    return `The address's query string is longer than ${MAX_QUERY_LENGTH.toLocaleString("en-GB")} characters.`;
  }
  for (const part of query.split("&")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return NOT_UTF8;
    }
    // A U+FFFD is what bytes that are not UTF-8 become once something has decoded them.
    if (decoded.includes("\uFFFD")) return NOT_UTF8;
    // No filter of ours takes a control character, and PostgreSQL refuses a NUL in any text.
    if (/[\u0000-\u001F\u007F]/.test(decoded)) return CONTROL_CHARACTER;
  }
  return null;
}
