/**
 * A passage cut into numbers, words and marks, each with its offsets, and into sentences: the
 * units the parser reads, and the quote each figure carries.
 */

/** A word as the parser compares it: composed accents, lower case, curly apostrophes straightened. */
export function normalWord(text: string): string {
  return text.normalize("NFC").toLowerCase().replaceAll("’", "'");
}

export type Token = {
  kind: "number" | "word" | "mark";
  text: string;
  /** Lower case, curly apostrophes straightened, elisions dropped: what comparisons use. */
  word: string;
  start: number;
  end: number;
  /** Nothing (not even a space) between this token and the one before. */
  glued: boolean;
  /** The space before this token holds a line break. */
  newline: boolean;
  sentence: number;
  /** Its place among the passage's words (numbers included), or -1 for a mark. */
  wordIndex: number;
};

const TOKEN = /(\d+(?:[.,]\d+)*)|([\p{L}\p{M}][\p{L}\p{M}\p{N}'’]*)|(\S)/gu;
const TERMINAL = new Set([".", "!", "?", "…"]);
const CLOSING_QUOTES = new Set(['"', "”", "’", "'", "»"]);
export const QUOTES = new Set(['"', "“", "”", "‘", "’", "'", "«", "»"]);
export const DASHES = new Set(["-", "–", "—"]);
/** Abbreviations whose full stop does not end a sentence: "approx. 200", "No. 5". */
const ABBREVIATIONS = new Set([
  "approx",
  "c",
  "ca",
  "no",
  "nos",
  "st",
  "mr",
  "mrs",
  "ms",
  "dr",
  "vs",
  "v",
  "etc",
  "para",
  "paras",
  "s",
  "art",
  "sec",
  "fig",
  "det",
  "supt",
  "insp",
  "sgt",
  "ch",
  "con",
  "pc",
]);

export function tokenize(passage: string): { tokens: Token[]; words: string[] } {
  const tokens: Token[] = [];
  const words: string[] = [];
  let sentence = 0;
  for (const found of passage.matchAll(TOKEN)) {
    const text = found[0];
    const start = found.index;
    const kind = found[1] ? "number" : found[2] ? "word" : "mark";
    const previous = tokens.at(-1);
    const gap = previous ? passage.slice(previous.end, start) : "";
    const token: Token = {
      kind,
      text,
      word:
        kind === "mark"
          ? text
          : normalWord(text)
              .replace(/^[dl]'(?=\p{L})/u, "")
              .replace(/'+$/, ""),
      start,
      end: start + text.length,
      glued: previous !== undefined && gap === "",
      newline: gap.includes("\n"),
      sentence,
      wordIndex: kind === "mark" ? -1 : words.length,
    };
    if (previous && startsSentence(token, gap, tokens)) {
      sentence += 1;
      token.sentence = sentence;
    }
    if (kind !== "mark") words.push(token.word);
    tokens.push(token);
  }
  return { tokens, words };
}

function startsSentence(token: Token, gap: string, before: readonly Token[]): boolean {
  const lowerCaseWord = token.kind === "word" && /^\p{Ll}/u.test(token.text);
  // A blank line always ends a paragraph; a single line break only when the next line does not carry on in lower case.
  if (/\n\s*\n/.test(gap)) return true;
  if (gap.includes("\n") && !lowerCaseWord) return true;
  if (gap === "") return false;
  let last = before.length - 1;
  if (before[last]?.kind === "mark" && CLOSING_QUOTES.has(before[last]!.text)) last -= 1;
  const mark = before[last];
  if (!mark || mark.kind !== "mark") return false;
  // " / " stands for a line break in quoted lists: "Arrested: 2,864 / Charged: 1,571".
  if (mark.text === "/" && last === before.length - 1) {
    const beforeSlash = before[last - 1];
    return beforeSlash !== undefined && beforeSlash.end < mark.start;
  }
  if (!TERMINAL.has(mark.text) || lowerCaseWord) return false;
  const abbreviation = before[last - 1];
  return !(mark.text === "." && mark.glued && abbreviation?.kind === "word" && ABBREVIATIONS.has(abbreviation.word));
}
