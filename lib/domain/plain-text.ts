/**
 * The one rule for text that comes in from outside (a form, a CSV row, the dataset): what the
 * record stores is what the editor typed and was shown, and every format we write (HTML, SVG,
 * XML, CSV, JSON) can hold it. So text is normalised to NFC (one spelling of "é"), and refused
 * when it holds what no reader can see or no format can carry: control characters, lone
 * surrogates, and line breaks where the field is one line. Markup needs no refusal: every
 * writer escapes it (lib/escape.ts), so "arrests < expected" is stored and shown as typed.
 */

export type TextShape = "one-line" | "multi-line";

const LINE_BREAKS = /\r\n?|\u2028|\u2029/g;

/** Half of a surrogate pair without its other half (String#isWellFormed is too new for some browsers). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Text as the record keeps it: NFC, and in multi-line text every line break as "\n". */
export function normaliseText(text: string, shape: TextShape): string {
  const nfc = LONE_SURROGATE.test(text) ? text : text.normalize("NFC");
  return shape === "multi-line" ? nfc.replace(LINE_BREAKS, "\n") : nfc;
}

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `what` cannot be stored as it is, or null when it can. Meant for normalised text; the
 * message names the field and the character, since neither can be seen in the field itself.
 */
export function plainTextProblem(text: string, shape: TextShape, what: string): string | null {
  if (LONE_SURROGATE.test(text)) {
    return `${what} holds a broken character (half of a surrogate pair); type or paste it again.`;
  }
  if (shape === "one-line" && /[\n\r\u2028\u2029]/.test(text)) {
    return `${what} is one line: remove the line break.`;
  }
  const control = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/.exec(
    shape === "multi-line" ? text.replace(/\n/g, "") : text,
  );
  if (control) {
    const name = control[0] === "\t" ? "a tab" : `an invisible control character (${codePoint(control[0])})`;
    return `${what} holds ${name}; remove it${control[0] === "\t" ? " or use spaces" : ""}.`;
  }
  return null;
}
