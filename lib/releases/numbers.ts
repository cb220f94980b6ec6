/**
 * The words and digits a release writes its numbers in, read exactly. A value is kept as
 * digits × 10^exponent (bigint and an integer), never as a float, so "£1.15bn" becomes
 * 1150000000 and "500 grams" 0.5 kg with nothing lost on the way (decision 0004).
 */

export type Exact = { digits: bigint; exponent: number };

/**
 * A table of words as a Map: a passage's words are anyone's, and "constructor" must not find
 * Object.prototype's in a plain object.
 */
export function lookup<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

export const ONE: Exact = { digits: 1n, exponent: 0 };

export function exactInteger(value: bigint): Exact {
  return { digits: value, exponent: 0 };
}

/** The value × 10^power: a scale word ("million": 6) or a mass word ("tonnes": 3, "grams": -3). */
export function shifted(value: Exact, power: number): Exact {
  return { digits: value.digits, exponent: value.exponent + power };
}

export const HALF: Exact = { digits: 5n, exponent: -1 };

export function sum(a: Exact, b: Exact): Exact {
  const [x, y] = aligned(a, b);
  return { digits: x + y, exponent: Math.min(a.exponent, b.exponent) };
}

export function times(value: Exact, factor: bigint): Exact {
  return { digits: value.digits * factor, exponent: value.exponent };
}

/** Both values with the same exponent, so their digits compare as the numbers do. */
function aligned(a: Exact, b: Exact): [bigint, bigint] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [a.digits * 10n ** BigInt(a.exponent - exponent), b.digits * 10n ** BigInt(b.exponent - exponent)];
}

export function lessThan(a: Exact, b: Exact): boolean {
  const [x, y] = aligned(a, b);
  return x < y;
}

export function isZero(value: Exact): boolean {
  return value.digits === 0n;
}

/** Plain decimal text without grouping or trailing zeros, as lib/domain/quantity.ts reads it: "1150000000", "0.5". */
export function decimalText(value: Exact): string {
  if (value.digits === 0n) return "0";
  if (value.exponent >= 0) return value.digits.toString() + "0".repeat(value.exponent);
  const places = -value.exponent;
  const digits = value.digits.toString().padStart(places + 1, "0");
  const whole = digits.slice(0, -places);
  const fraction = digits.slice(-places).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

function exactOfPlain(whole: string, fraction: string): Exact {
  return { digits: BigInt(whole + fraction), exponent: -fraction.length };
}

/**
 * Digits as a release prints them: "2,864", "1,234.5", "5.07", and the continental "10.000"
 * (ten thousand) of the Dutch and European sources the record cites. A single group of three
 * digits after a point is read as thousands only when it ends in a zero and no scale word
 * follows: English prose does not write "10.000" for ten, and "£1.125bn" keeps its decimals.
 * Anything else (a date "8.6.2022", "12,34") is not a number we can be sure of: null.
 */
export function readDigits(text: string, followedByScale: boolean): Exact | null {
  if (/^0\d/.test(text)) return null;
  let match = /^(\d+)$/.exec(text);
  if (match) return exactOfPlain(match[1]!, "");
  match = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(text);
  if (match) return exactOfPlain(match[1]!.replaceAll(",", ""), match[2] ?? "");
  match = /^(\d{1,3}(?:\.\d{3}){2,})(?:,(\d+))?$/.exec(text);
  if (match) return exactOfPlain(match[1]!.replaceAll(".", ""), match[2] ?? "");
  match = /^(\d{1,3})\.(\d{3})$/.exec(text);
  if (match && !followedByScale && match[2]!.endsWith("0")) return exactOfPlain(match[1]! + match[2]!, "");
  match = /^(\d+)\.(\d+)$/.exec(text);
  if (match) return exactOfPlain(match[1]!, match[2]!);
  // "3,5 miljoen": a decimal comma, believed only before a scale word.
  match = /^(\d+),(\d{1,2})$/.exec(text);
  if (match && followedByScale) return exactOfPlain(match[1]!, match[2]!);
  return null;
}

/** Powers of ten that may follow digits: "£19m", "€1.5bn", "19 million", "10k", "20 miljoen". */
export const SCALE_AFTER_DIGITS = lookup<number>({
  k: 3,
  thousand: 3,
  duizend: 3,
  m: 6,
  mn: 6,
  million: 6,
  millions: 6,
  miljoen: 6,
  bn: 9,
  billion: 9,
  billions: 9,
  miljard: 9,
  milliard: 9,
  milliards: 9,
});

/** Mass words, as the power of ten that takes them to kilograms. "Tons" are read as tonnes, as UK police use them. */
export const MASS_TO_KG = lookup<number>({
  kg: 0,
  kgs: 0,
  kilo: 0,
  kilos: 0,
  kilogram: 0,
  kilograms: 0,
  kilogramme: 0,
  kilogrammes: 0,
  tonne: 3,
  tonnes: 3,
  ton: 3,
  tons: 3,
  g: -3,
  gram: -3,
  grams: -3,
  gramme: -3,
  grammes: -3,
});

/** The record counts money in pounds and euros only; a dollar amount is recognised so that it is not read as a count. */
export type Currency = "GBP" | "EUR" | "USD";

export const CURRENCY_SYMBOLS = lookup<Currency>({ "£": "GBP", "€": "EUR", $: "USD" });
/** Codes before the number ("EUR 130 million"), written in capitals. */
export const CURRENCY_CODES = lookup<Currency>({ GBP: "GBP", EUR: "EUR", USD: "USD" });
/** Words after the number ("70 million Euros", "a million pounds"). */
export const CURRENCY_WORDS = lookup<Currency>({
  pound: "GBP",
  pounds: "GBP",
  sterling: "GBP",
  gbp: "GBP",
  euro: "EUR",
  euros: "EUR",
  eur: "EUR",
  dollar: "USD",
  dollars: "USD",
  usd: "USD",
});

const ONES = lookup<number>({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  // Dutch, for the Dutch prosecutors' and police's releases the record cites.
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  twaalf: 12,
});

const TENS = lookup<number>({
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
});

const HUNDRED = new Set(["hundred", "honderd"]);
const WRITTEN_SCALES = lookup<bigint>({
  thousand: 1_000n,
  duizend: 1_000n,
  million: 1_000_000n,
  miljoen: 1_000_000n,
  billion: 1_000_000_000n,
  miljard: 1_000_000_000n,
});
/** Dutch writes "honderd verdachten" for a hundred suspects, with no "one" before it. */
const STANDS_ALONE = new Set(["honderd", "duizend"]);

/** Words that may open a written number, for telling where one begins. */
export function opensWrittenNumber(word: string): boolean {
  return ONES.has(word) || TENS.has(word) || STANDS_ALONE.has(word);
}

export type WrittenNumber = {
  value: Exact;
  /** How many of the words it used. */
  used: number;
  /** "a dozen", "two dozen": a round number a writer rarely means exactly. */
  dozen: boolean;
  /** The number is the single word "one" (or "a ..."), which the prose uses for much besides counting. */
  one: boolean;
};

/**
 * A number written in words, read from the start of `words` (lower case; "-" stands for a
 * hyphen joining two words, as in "twenty-five"): "one", "twelve", "two hundred and fifty",
 * "a dozen", "a hundred", "half a million", "three million". Plurals that count nothing
 * exactly ("dozens", "hundreds", "thousands") are not numbers here.
 */
export function readWrittenNumber(words: readonly string[]): WrittenNumber | null {
  let total = 0n;
  let current = 0n;
  let used = 0;
  let dozen = false;
  let half = false;
  type Last = "none" | "a" | "ones" | "teen" | "tens" | "hundred" | "scale" | "dozen";
  let last: Last = "none";
  const at = (index: number) => words[index] ?? "";

  if (at(0) === "half" && (at(1) === "a" || at(1) === "an")) {
    half = true;
    used = 1;
  }
  for (let index = used; index < words.length; index += 1) {
    const word = at(index);
    if ((word === "a" || word === "an") && last === "none") {
      const next = at(index + 1);
      if (!(HUNDRED.has(next) || WRITTEN_SCALES.has(next) || next === "dozen" || MASS_TO_KG.has(next))) break;
      current = 1n;
      last = "a";
    } else if (ONES.has(word) && !half) {
      const value = BigInt(ONES.get(word)!);
      if (last === "ones" || last === "teen" || last === "a" || last === "dozen") break;
      if (last === "tens" && value >= 10n) break;
      current += value;
      last = value < 10n ? "ones" : "teen";
    } else if (TENS.has(word) && !half) {
      if (last === "ones" || last === "teen" || last === "tens" || last === "a" || last === "dozen") break;
      current += BigInt(TENS.get(word)!);
      last = "tens";
    } else if (HUNDRED.has(word)) {
      if (last === "hundred" || last === "dozen") break;
      if (last === "none" && !STANDS_ALONE.has(word)) break;
      if (half && last !== "a") break;
      current = (current === 0n ? 1n : current) * 100n;
      last = "hundred";
    } else if (WRITTEN_SCALES.has(word)) {
      if (last === "none" && !STANDS_ALONE.has(word)) break;
      if (last === "scale" || last === "dozen") break;
      total += (current === 0n ? 1n : current) * WRITTEN_SCALES.get(word)!;
      current = 0n;
      last = "scale";
    } else if (word === "dozen") {
      if (last === "none" || last === "dozen" || last === "scale" || last === "hundred") break;
      current *= 12n;
      dozen = true;
      last = "dozen";
    } else if (word === "-" && last === "tens" && ONES.has(at(index + 1))) {
      continue;
    } else if (word === "and" && (last === "hundred" || last === "scale")) {
      const next = at(index + 1);
      if (!(ONES.has(next) || TENS.has(next))) break;
      continue;
    } else {
      break;
    }
    used = index + 1;
  }
  // "a tonne", "half a kilo": the article is the number, and the mass word (read by the caller) its unit.
  const massFollows = last === "a" && MASS_TO_KG.has(at(used)) && at(used).length > 2;
  if (last === "none" || (last === "a" && !massFollows)) return null;
  if (half && !massFollows && last !== "scale" && last !== "dozen" && last !== "hundred") return null;
  const whole = total + current;
  if (whole === 0n) return null;
  const value = half ? { digits: whole * 5n, exponent: -1 } : exactInteger(whole);
  return { value, used, dozen, one: whole === 1n && !half && used === 1 };
}
