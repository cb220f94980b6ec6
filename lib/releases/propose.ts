import { parseQuantity } from "@/lib/domain/quantity";
import type { Unit } from "@/lib/domain/units";
import type { Qualifier } from "@/lib/domain/vocabulary";
import {
  BEFORE_SPANS,
  BEFORE_YEARS,
  CLAUSE_MARKS,
  CLAUSE_MARKS_AFTER,
  CLAUSE_WORDS,
  GLUED_BEFORE,
  MONTHS,
  QUALIFIER_PHRASES,
  REFERENCES,
  TELEPHONE,
  WINDOW_WORDS,
} from "./context-words";
import {
  countedNoun,
  findKeywords,
  isCountUnit,
  isMeasureWord,
  looksPlural,
  metricKeywords,
  speaksOfSentences,
  type KeywordMatch,
  type MetricHint,
} from "./metric-words";
import {
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  MASS_TO_KG,
  HALF,
  ONE,
  SCALE_AFTER_DIGITS,
  decimalText,
  isZero,
  lessThan,
  opensWrittenNumber,
  readDigits,
  readWrittenNumber,
  shifted,
  sum,
  type Currency,
  type Exact,
} from "./numbers";
import { DASHES, QUOTES, tokenize, type Token } from "./tokens";

export { metricHintsOf, type MetricHint } from "./metric-words";

/**
 * The figures a pasted passage of a release states, proposed for an editor to tick and
 * correct: "more than £19 million" → 19000000 GBP, more than; "three tonnes" → 3000 kg;
 * "942 arrests" → 942 people, arrested. Deterministic and local (issue 15): rules over the
 * words, no model, nothing fetched. It proposes; the editor decides.
 */
export type ProposedFigure = {
  /** Exact decimal text in the unit, as lib/domain/quantity.ts's parseQuantity reads it: "19000000", "0.5". */
  value: string;
  unit: Unit;
  qualifier: Qualifier;
  /** The metric the words around the number name, if they name one. */
  metric: string | null;
  /** The sentence the number came from, its spacing tidied. */
  quote: string;
  /** The number as the passage writes it, with its qualifier: "more than £19 million". */
  matched: string;
  /** Where `matched` is in the passage: passage.slice(start, end) === matched. */
  start: number;
  end: number;
  /**
   * "between 10 and 20", "10-20", "£10m to £20m": both ends. The figure is then its low end,
   * qualified "at least" (unless the passage qualified it otherwise), which is what the range
   * promises; the editor may prefer another reading, and has both ends to choose from.
   */
  range?: { low: string; high: string };
};

/** A longer passage is read up to here: a release's figures are in its first pages. */
export const MAX_PASSAGE_CHARACTERS = 100_000;

type Amount = {
  first: number;
  last: number;
  numberFirst: number;
  value: Exact;
  currency: Currency | null;
  massPower: number | null;
  scalePower: number | null;
  written: boolean;
  one: boolean;
  dozen: boolean;
  plus: boolean;
  digits: string;
};

type Reading = {
  first: number;
  last: number;
  value: Exact;
  currency: Currency | null;
  massPower: number | null;
  qualifier: Qualifier;
  range: { low: Exact; high: Exact } | null;
  amount: Amount;
};

type Draft = Omit<ProposedFigure, "quote"> & { sentence: number; byArticle: boolean };

/**
 * Proposes the figures `passage` states. `metrics` are the record's metrics: the guess is
 * always one of their ids, and a metric's units decide a count's unit ("12,000 users").
 * Never throws; what it cannot read with confidence it leaves out.
 */
export function proposeFigures(passage: string, metrics: readonly MetricHint[]): ProposedFigure[] {
  const text = passage.length > MAX_PASSAGE_CHARACTERS ? passage.slice(0, MAX_PASSAGE_CHARACTERS) : passage;
  return new PassageReader(text, metrics).proposals();
}

class PassageReader {
  private readonly tokens: Token[];
  private readonly words: string[];
  /** The metrics' keywords found in the passage, by the index of their first word. */
  private readonly keywordsAt = new Map<number, KeywordMatch[]>();
  private readonly sentencesOfPrison = new Map<number, boolean>();
  private readonly quotes = new Map<number, string>();
  private readonly metricsById: Map<string, MetricHint>;
  private readonly citations = new Set<number>();
  /** Each sentence's first and last token. */
  private readonly sentences: { first: number; last: number }[] = [];

  constructor(
    private readonly passage: string,
    private readonly metrics: readonly MetricHint[],
  ) {
    ({ tokens: this.tokens, words: this.words } = tokenize(passage));
    for (const match of findKeywords(this.words, metricKeywords(metrics))) {
      this.keywordsAt.set(match.start, [...(this.keywordsAt.get(match.start) ?? []), match]);
    }
    this.metricsById = new Map(metrics.map((metric) => [metric.id, metric]));
    this.tokens.forEach((token, index) => {
      const span = this.sentences[token.sentence];
      if (span) span.last = index;
      else this.sentences[token.sentence] = { first: index, last: index };
    });
    this.markCitations();
  }

  proposals(): ProposedFigure[] {
    const drafts: Draft[] = [];
    const lastCount = new Map<number, Draft>();
    let index = 0;
    while (index < this.tokens.length) {
      const amount = this.readAmount(index, false);
      if (!amount) {
        const article = this.readArticle(index);
        if (article) drafts.push(article);
        index += 1;
        continue;
      }
      const reading = this.reading(amount);
      if (!reading) {
        index = amount.last + 1;
        continue;
      }
      const draft = this.draft(reading, lastCount.get(this.tokens[index]!.sentence) ?? null);
      if (draft) {
        drafts.push(draft);
        lastCount.set(draft.sentence, draft);
      }
      index = reading.last + 1;
    }
    return this.finish(drafts);
  }

  private token(index: number): Token | undefined {
    return this.tokens[index];
  }

  private sameSentence(a: number, b: number): boolean {
    const first = this.token(a);
    const second = this.token(b);
    return first !== undefined && second !== undefined && first.sentence === second.sentence;
  }

  /** "[2021] EWCA Crim 128": the numbers of a neutral citation or law report count nothing. */
  private markCitations() {
    for (let index = 0; index + 2 < this.tokens.length; index += 1) {
      const [open, year, close] = [this.tokens[index]!, this.tokens[index + 1]!, this.tokens[index + 2]!];
      if (open.text !== "[" || year.kind !== "number" || close.text !== "]") continue;
      this.citations.add(index + 1);
      for (let next = index + 3; next < Math.min(this.tokens.length, index + 10); next += 1) {
        const token = this.tokens[next]!;
        if (token.kind === "number") this.citations.add(next);
        else if (token.kind === "word" && /^\p{Lu}/u.test(token.text)) continue;
        else if (token.kind === "word" && ["crim", "civ", "admin", "app"].includes(token.word)) continue;
        else if (token.text === "(" || token.text === ")") continue;
        else break;
      }
    }
  }

  /** A space (no line break) between two tokens: "60 000", "19 million". */
  private spaced(index: number): boolean {
    const token = this.token(index);
    const before = this.token(index - 1);
    if (!token || !before || token.newline || token.glued) return false;
    return /^[ \u00a0\u202f\u2009\t]$/.test(this.passage.slice(before.end, token.start));
  }

  private gluedOrSpaced(index: number): boolean {
    const token = this.token(index);
    return token !== undefined && (token.glued || this.spaced(index));
  }

  /** [£ € $ | EUR] number [scale] [+] [mass | currency word], from token `index`. */
  private readAmount(index: number, inRange: boolean): Amount | null {
    let at = index;
    let currency: Currency | null = null;
    const opening = this.token(at);
    if (!opening) return null;
    if (opening.kind === "mark" && CURRENCY_SYMBOLS.has(opening.text)) {
      currency = CURRENCY_SYMBOLS.get(opening.text)!;
      at += 1;
      if (!this.gluedOrSpaced(at) || this.token(at)?.kind !== "number") return null;
    } else if (opening.kind === "word" && CURRENCY_CODES.has(opening.text)) {
      currency = CURRENCY_CODES.get(opening.text)!;
      at += 1;
      if (!this.spaced(at) || this.token(at)?.kind !== "number") return null;
    }
    const numberToken = this.token(at)!;
    let value: Exact;
    let last = at;
    let scalePower: number | null = null;
    let written = false;
    let one = false;
    let dozen = false;
    let digits = "";
    if (numberToken.kind === "number") {
      const before = this.token(at - 1);
      if (
        !currency &&
        !inRange &&
        numberToken.glued &&
        before &&
        (before.kind !== "mark" || GLUED_BEFORE.has(before.text))
      ) {
        return null;
      }
      digits = numberToken.text;
      // "60 000", "6 558": European sources group thousands with a space.
      if (/^\d{1,3}$/.test(digits)) {
        while (
          this.token(last + 1)?.kind === "number" &&
          /^\d{3}$/.test(this.token(last + 1)!.text) &&
          this.spaced(last + 1)
        ) {
          last += 1;
          digits += `,${this.token(last)!.text}`;
        }
      }
      const andAHalf = this.andAHalfAt(last + 1);
      if (andAHalf) last += 3;
      const scale = this.token(last + 1);
      if (scale?.kind === "word" && SCALE_AFTER_DIGITS.has(scale.word)) {
        // "£19m", "10k" only glued: a spaced "m" is as likely metres.
        if (scale.glued || (scale.word.length > 2 && this.spaced(last + 1)))
          scalePower = SCALE_AFTER_DIGITS.get(scale.word)!;
      }
      const read = readDigits(digits, scalePower !== null);
      if (!read) return null;
      value = andAHalf ? sum(read, HALF) : read;
      if (scalePower !== null) {
        value = shifted(value, scalePower);
        last += 1;
      }
    } else if (numberToken.kind === "word" && !currency) {
      if (!(opensWrittenNumber(numberToken.word) || ["a", "an", "half"].includes(numberToken.word))) return null;
      const words: string[] = [];
      for (let next = at; next < Math.min(this.tokens.length, at + 12); next += 1) {
        const token = this.tokens[next]!;
        if (!this.sameSentence(at, next)) break;
        if (token.kind === "word") words.push(token.word);
        else if (DASHES.has(token.text) && token.glued) words.push("-");
        else break;
      }
      const read = readWrittenNumber(words);
      if (!read) return null;
      value = read.value;
      last = at + read.used - 1;
      written = true;
      one = read.one;
      dozen = read.dozen;
      // "two and a half tonnes", "three and a half million".
      if (this.andAHalfAt(last + 1) && !dozen) {
        value = sum(value, HALF);
        last += 3;
        one = false;
        const scale = this.token(last + 1);
        if (
          scale?.kind === "word" &&
          scale.word.length > 2 &&
          SCALE_AFTER_DIGITS.has(scale.word) &&
          this.spaced(last + 1)
        ) {
          scalePower = SCALE_AFTER_DIGITS.get(scale.word)!;
          value = shifted(value, scalePower);
          last += 1;
        }
      }
    } else {
      return null;
    }
    // "2nd", "9am", "4x4": digits glued to a word that is no unit are not a count.
    const glued = this.token(last + 1);
    if (
      !written &&
      glued?.glued &&
      glued.kind === "word" &&
      !MASS_TO_KG.has(glued.word) &&
      !CURRENCY_WORDS.has(glued.word)
    ) {
      return null;
    }
    let plus = false;
    const readPlus = () => {
      const next = this.token(last + 1);
      if (next?.text === "+" && next.glued) {
        plus = true;
        last += 1;
      } else if (
        next &&
        DASHES.has(next.text) &&
        next.glued &&
        this.token(last + 2)?.word === "plus" &&
        this.token(last + 2)?.glued
      ) {
        plus = true;
        last += 2;
      }
    };
    readPlus();
    let massPower: number | null = null;
    const unitWord = this.token(last + 1);
    if (unitWord?.kind === "word" && this.sameSentence(last, last + 1) && !unitWord.newline) {
      const metricTon = unitWord.word === "metric" && this.token(last + 2)?.word.startsWith("ton");
      const massWord = metricTon ? this.token(last + 2)! : unitWord;
      // A spaced "g" is too often something else; "500g" is grams.
      if (!currency && MASS_TO_KG.has(massWord.word) && (massWord.glued || massWord.word !== "g")) {
        massPower = MASS_TO_KG.get(massWord.word)!;
        last += metricTon ? 2 : 1;
      } else if (!currency && CURRENCY_WORDS.has(unitWord.word) && (unitWord.glued || this.spaced(last + 1))) {
        currency = CURRENCY_WORDS.get(unitWord.word)!;
        last += this.token(last + 2)?.word === "sterling" ? 2 : 1;
      }
    }
    if (!plus) readPlus();
    if (massPower !== null) value = shifted(value, massPower);
    return {
      first: index,
      last,
      numberFirst: at,
      value,
      currency,
      massPower,
      scalePower,
      written,
      one,
      dozen,
      plus,
      digits,
    };
  }

  private andAHalfAt(index: number): boolean {
    return (
      this.token(index)?.word === "and" &&
      this.token(index + 1)?.word === "a" &&
      this.token(index + 2)?.word === "half" &&
      this.sameSentence(index, index + 2)
    );
  }

  /** The qualifying words just before token `index`, if any: "more than", "some", "between". */
  private qualifierBefore(index: number): { first: number; qualifier: Qualifier | "between" } | null {
    for (const [phrase, qualifier] of QUALIFIER_PHRASES) {
      const words = phrase.split(" ");
      const first = index - words.length;
      if (first < 0) continue;
      const same = words.every((word, offset) => {
        const token = this.tokens[first + offset]!;
        return token.word === word && this.sameSentence(first + offset, index);
      });
      if (same) return { first, qualifier };
    }
    return null;
  }

  private yearLike(amount: Amount): boolean {
    return !amount.written && amount.scalePower === null && /^(1[89]|20)\d\d$/.test(amount.digits);
  }

  /** Whether a number in the passage is a date, a time, a percentage, a reference or a code: read, but not a figure. */
  private isNotACount(amount: Amount, qualified: boolean): boolean {
    const first = this.tokens[amount.numberFirst]!;
    const before = this.token(amount.first - 1);
    const after = this.token(amount.last + 1);
    const afterAfter = this.token(amount.last + 2);
    const bare = amount.currency === null && amount.massPower === null && amount.scalePower === null;
    if (this.citations.has(amount.numberFirst)) return true;
    // "three-month", "10-year-old", "one-off": a number inside a compound word.
    if (after && DASHES.has(after.text) && after.glued && afterAfter?.kind === "word" && afterAfter.glued) {
      if (afterAfter.word !== "plus") return true;
    }
    // "25%", "25 per cent".
    if (after?.text === "%" || after?.text === "‰") return true;
    if (after?.word === "per" && afterAfter?.word === "cent") return true;
    if (after && ["percent", "procent", "pct"].includes(after.word)) return true;
    if (after?.word === "pour" && afterAfter?.word === "cent") return true;
    // "9:30", "08/06/2022", "24/7": glued to another number by a colon or slash.
    if (
      after &&
      [":", "/", "."].includes(after.text) &&
      after.glued &&
      afterAfter?.kind === "number" &&
      afterAfter.glued
    ) {
      return true;
    }
    // "1 in 5 users", "one in five", "nine out of ten": a proportion, not a count.
    const isNumber = (token: Token | undefined) => token?.kind === "number" || opensWrittenNumber(token?.word ?? "");
    if (after?.word === "in" && isNumber(afterAfter)) return true;
    if (before?.word === "in" && isNumber(this.token(amount.first - 2))) return true;
    if (after?.word === "out" && afterAfter?.word === "of") return true;
    if (before?.word === "of" && this.token(amount.first - 2)?.word === "out") return true;
    if (this.isAnAge(amount.first)) return true;
    if (amount.written) return false;
    if (!bare) return false;
    const digitsOnly = amount.plus === false && amount.numberFirst === amount.first;
    // "2 July 2020", "July 2", "March 2021".
    if (before?.kind === "word" && MONTHS.has(before.text)) return true;
    if (
      after?.kind === "word" &&
      (MONTHS.has(after.text) || (after.word === "of" && MONTHS.has(afterAfter?.text ?? "")))
    ) {
      return true;
    }
    if (!digitsOnly) return false;
    // A run of numbers that is no one number: a telephone number, a list of codes.
    if (before?.kind === "number" && this.sameSentence(amount.first - 1, amount.first) && !first.newline) return true;
    if (after?.kind === "number" && this.sameSentence(amount.last, amount.last + 1) && !after.newline) return true;
    // "[45]": a paragraph of a judgment.
    if (before?.text === "[" && after?.text === "]") return true;
    if (before?.kind === "word" && REFERENCES.has(before.word)) return true;
    if (before?.text === "." && this.token(amount.first - 2)?.kind === "word") {
      if (REFERENCES.has(this.token(amount.first - 2)!.word)) return true;
    }
    for (let back = amount.first - 1; back >= Math.max(0, amount.first - 4); back -= 1) {
      if (this.tokens[back]!.kind === "word" && TELEPHONE.has(this.tokens[back]!.word)) return true;
    }
    if (this.yearLike(amount) && !qualified) {
      // "made 2020 arrests" counts; "in 2020", "the 2020 arrests", "Since 2016," do not.
      const countFollows =
        after?.kind === "word" && (countedNoun(after.word) !== null || this.keywordStartsAt(after.wordIndex));
      return !countFollows || before === undefined || BEFORE_YEARS.has(before.word);
    }
    return false;
  }

  /** "aged 34", "aged 34 and 41", "aged between 19 and 45": ages, back to the word that says so. */
  private isAnAge(first: number): boolean {
    for (let index = first - 1; index >= Math.max(0, first - 8); index -= 1) {
      const token = this.tokens[index]!;
      if (!this.sameSentence(index, first)) return false;
      if (["aged", "age", "ages"].includes(token.word)) return true;
      const inAList =
        token.kind === "number" ||
        ["and", "to", "between", ",", "-", "–"].includes(token.word) ||
        opensWrittenNumber(token.word);
      if (!inAList) return false;
    }
    return false;
  }

  private keywordStartsAt(wordIndex: number): boolean {
    return this.keywordsAt.has(wordIndex);
  }

  /** An amount with its qualifier and, if it is one, the range it opens. */
  private reading(amount: Amount): Reading | null {
    const qualifier = this.qualifierBefore(amount.first);
    if (this.isNotACount(amount, qualifier !== null && qualifier.qualifier !== "between")) return null;
    const first = qualifier?.first ?? amount.first;
    const range = this.readRange(amount, qualifier?.qualifier === "between", first);
    const stated = qualifier && qualifier.qualifier !== "between" ? qualifier.qualifier : null;
    return {
      first,
      last: range?.last ?? amount.last,
      value: range?.low ?? amount.value,
      currency: range?.currency ?? amount.currency,
      massPower: range?.massPower ?? amount.massPower,
      qualifier: stated ?? (range ? "at-least" : amount.plus ? "more-than" : amount.dozen ? "about" : "exact"),
      range: range ? { low: range.low, high: range.high } : null,
      amount,
    };
  }

  /** "10-20", "10 to 20 tonnes", "between £10m and £20m", "£10-20m": the second end, if there is one. */
  private readRange(low: Amount, between: boolean, first: number) {
    const connector = this.token(low.last + 1);
    if (!connector || !this.sameSentence(low.last, low.last + 1)) return null;
    const afterConnector = this.token(low.last + 2);
    if (!afterConnector) return null;
    if (connector.kind === "mark" && DASHES.has(connector.text)) {
      if (low.written || connector.glued !== afterConnector.glued) return null;
    } else if (connector.word === "to") {
      // "from 746 to 1,550" is a change between two figures, each its own.
      if (this.token(first - 1)?.word === "from") return null;
    } else if (!(connector.word === "and" && between)) {
      return null;
    }
    const high = this.readAmount(low.last + 2, true);
    if (!high || high.written !== low.written || this.isNotACount(high, true)) return null;
    if (this.yearLike(low) || this.yearLike(high)) return null;
    if (low.currency && high.currency && low.currency !== high.currency) return null;
    const currency = low.currency ?? high.currency;
    if (currency && (low.massPower !== null || high.massPower !== null)) return null;
    let lowValue = low.value;
    if (low.massPower === null && high.massPower !== null) lowValue = shifted(lowValue, high.massPower);
    if (low.massPower !== null && high.massPower === null) return null;
    if (low.scalePower === null && high.scalePower !== null) {
      const scaled = shifted(lowValue, high.scalePower);
      if (lessThan(scaled, high.value)) lowValue = scaled;
    }
    if (!lessThan(lowValue, high.value)) return null;
    return { last: high.last, low: lowValue, high: high.value, currency, massPower: high.massPower ?? low.massPower };
  }

  /** The words after a reading up to the end of its phrase: "942 [arrests], ...", "15 [men have been jailed for a total of]". */
  private wordsAfter(last: number): { from: number; to: number } {
    let index = last + 1;
    // "Seven of the 15 men": the seven are men too; read past the second number.
    const [of, the, number] = [this.token(index), this.token(index + 1), this.token(index + 2)];
    if (of?.word === "of" && ["the", "those", "these"].includes(the?.word ?? "") && number) {
      const inner =
        number.kind === "number" || opensWrittenNumber(number.word) ? this.readAmount(index + 2, true) : null;
      if (inner) index = inner.last + 1;
    }
    let from = -1;
    let to = -1;
    let count = 0;
    for (; index < this.tokens.length && count < WINDOW_WORDS; index += 1) {
      const token = this.tokens[index]!;
      if (!this.sameSentence(last, index)) break;
      if (token.kind === "mark") {
        if (QUOTES.has(token.text) || (DASHES.has(token.text) && token.glued)) continue;
        if (CLAUSE_MARKS_AFTER.has(token.text) || DASHES.has(token.text)) break;
        continue;
      }
      if (token.kind === "number" || CLAUSE_WORDS.has(token.word) || opensWrittenNumber(token.word)) break;
      if (from < 0) from = token.wordIndex;
      to = token.wordIndex + 1;
      count += 1;
    }
    return from < 0 ? { from: 0, to: 0 } : { from, to };
  }

  /** The words before a reading back to the start of its phrase: "[Police have arrested] 43 people". */
  private wordsBefore(first: number): { from: number; to: number } {
    let from = -1;
    let to = -1;
    let count = 0;
    for (let index = first - 1; index >= 0 && count < WINDOW_WORDS; index -= 1) {
      const token = this.tokens[index]!;
      if (!this.sameSentence(first, index)) break;
      if (token.kind === "mark") {
        if (QUOTES.has(token.text) || token.text === ":" || (DASHES.has(token.text) && token.glued)) continue;
        if (CLAUSE_MARKS.has(token.text) || DASHES.has(token.text)) break;
        continue;
      }
      if (token.kind === "number" || CLAUSE_WORDS.has(token.word)) break;
      if (to < 0) to = token.wordIndex + 1;
      from = token.wordIndex;
      count += 1;
    }
    return from < 0 ? { from: 0, to: 0 } : { from, to };
  }

  /**
   * The metric the words around a number name: the nearest after it ("942 arrests", "£54
   * million in criminal cash"), else the nearest before it ("arrested 43 people"); among those
   * only metrics counted in `fits`' units. A unit only one metric counts in names it
   * ("220 rounds" are ammunition).
   */
  private metricNear(
    after: { from: number; to: number },
    before: { from: number; to: number },
    fits: (metric: MetricHint) => boolean,
  ) {
    const byLength = (a: KeywordMatch, b: KeywordMatch) => b.end - b.start - (a.end - a.start);
    const following = this.keywordsFrom(after.from, after.to).sort((a, b) => a.start - b.start || byLength(a, b));
    const preceding = this.keywordsFrom(before.from, before.to)
      .filter((match) => match.end <= before.to)
      .sort((a, b) => b.end - a.end || byLength(a, b));
    for (const match of [...following, ...preceding]) {
      const metric = this.metricsById.get(match.metricId);
      if (metric && fits(metric)) return metric;
    }
    return null;
  }

  private draft(reading: Reading, previous: Draft | null): Draft | null {
    const { amount } = reading;
    if (reading.currency === "USD") return null;
    const numberUnit: Unit | null = reading.currency ?? (reading.massPower !== null ? "kg" : null);
    const after = this.wordsAfter(reading.last);
    const before = this.wordsBefore(reading.first);
    const wordsAfter = this.words.slice(after.from, after.to);
    const firstAfter = this.token(reading.last + 1);
    if (numberUnit === null && firstAfter?.kind === "word" && this.sameSentence(reading.last, reading.last + 1)) {
      if (isMeasureWord(firstAfter.word) || MONTHS.has(firstAfter.text)) return null;
    }
    const nounUnit = numberUnit === null ? this.headNounUnit(after) : null;
    if (nounUnit === "years") {
      const beforeWord = this.token(reading.first - 1)?.word ?? "";
      // "jailed for a total of 100 years" is a figure; "in the last five years" is a span of time.
      if (!this.speaksOfPrison(reading.first) || BEFORE_SPANS.has(beforeWord)) return null;
    }
    const fits = (metric: MetricHint) => {
      if (numberUnit) return metric.units.includes(numberUnit);
      if (nounUnit) return metric.units.includes(nounUnit) || (nounUnit === "people" && metric.units.includes("users"));
      return metric.units.some(isCountUnit);
    };
    let metric = this.metricNear(after, before, fits);
    if (!metric && nounUnit && nounUnit !== "people") {
      const only = this.metrics.filter((candidate) => candidate.units.includes(nounUnit!));
      if (only.length === 1) metric = only[0]!;
    }
    let unit: Unit | null = numberUnit;
    let metricId = metric?.id ?? null;
    if (!unit && metric)
      unit = nounUnit && metric.units.includes(nounUnit) ? nounUnit : (metric.units.find(isCountUnit) ?? null);
    if (!unit && nounUnit) unit = nounUnit;
    // The word "one" is a pronoun as often as a count: believe it only beside what it counts.
    if (amount.one && !metric && !nounUnit) return null;
    if (!unit && wordsAfter.slice(0, 3).some(looksPlural)) unit = "items";
    if (!unit && previous && isCountUnit(previous.unit) && !amount.one) {
      // "60,000 people worldwide, including around 10,000 in the UK": the list carries on counting users.
      unit = previous.unit;
      metricId = previous.metric;
    }
    if (!unit) return null;
    if (isZero(reading.value)) return null;
    const value = decimalText(reading.value);
    if (!parseQuantity(value, unit).ok) return null;
    const range = reading.range
      ? { low: decimalText(reading.range.low), high: decimalText(reading.range.high) }
      : undefined;
    if (range && !parseQuantity(range.high, unit).ok) return null;
    const start = this.tokens[reading.first]!.start;
    const end = this.tokens[reading.last]!.end;
    return {
      value,
      unit,
      qualifier: reading.qualifier,
      metric: metricId,
      matched: this.passage.slice(start, end),
      start,
      end,
      ...(range ? { range } : {}),
      sentence: this.tokens[reading.first]!.sentence,
      byArticle: false,
    };
  }

  /**
   * The unit the counted noun fixes: "15 men" (people), "1,500 suspected gangsters" (people),
   * "45 years". The first noun decides: in "12 firearms seized last year" it is firearms, not years.
   */
  private headNounUnit(after: { from: number; to: number }): Unit | null {
    for (let index = after.from; index < Math.min(after.to, after.from + 4); index += 1) {
      const word = this.words[index]!;
      const unit = countedNoun(word);
      if (unit) return unit;
      if (this.keywordStartsAt(index) || looksPlural(word)) return null;
    }
    return null;
  }

  private sentenceTokens(sentence: number): Token[] {
    const span = this.sentences[sentence];
    return span ? this.tokens.slice(span.first, span.last + 1) : [];
  }

  private speaksOfPrison(index: number): boolean {
    const sentence = this.tokens[index]!.sentence;
    let speaks = this.sentencesOfPrison.get(sentence);
    if (speaks === undefined) {
      const words = this.sentenceTokens(sentence)
        .filter((token) => token.kind !== "mark")
        .map((token) => token.word);
      speaks = speaksOfSentences(words);
      this.sentencesOfPrison.set(sentence, speaks);
    }
    return speaks;
  }

  /** The keywords that start at word `from` up to (not including) word `to`. */
  private keywordsFrom(from: number, to: number): KeywordMatch[] {
    const found: KeywordMatch[] = [];
    for (let start = from; start < to; start += 1) found.push(...(this.keywordsAt.get(start) ?? []));
    return found;
  }

  /**
   * "including an AK47 assault rifle, ... four grenades": in a list of what was seized, "a" or
   * "an" before a seized thing counts one of it. Kept only where the sentence states another
   * figure, so that "officers raided a property" proposes nothing.
   */
  private readArticle(index: number): Draft | null {
    const article = this.tokens[index]!;
    if (article.word !== "a" && article.word !== "an") return null;
    const before = this.token(index - 1);
    const listed =
      !before ||
      !this.sameSentence(index - 1, index) ||
      [",", "(", ":", ";"].includes(before.text) ||
      ["including", "and", "plus", "seized", "recovered", "found", "with", "also"].includes(before.word);
    if (!listed) return null;
    let last = index;
    const wordIndexes: number[] = [];
    for (let next = index + 1; next < this.tokens.length && wordIndexes.length < 4; next += 1) {
      const token = this.tokens[next]!;
      if (!this.sameSentence(index, next)) break;
      if (token.kind === "mark") {
        if (DASHES.has(token.text) && token.glued) continue;
        break;
      }
      wordIndexes.push(token.wordIndex);
    }
    const candidates = wordIndexes
      .slice(0, 3)
      .flatMap((start) => this.keywordsAt.get(start) ?? [])
      .filter((match) => match.singular && wordIndexes.includes(match.end - 1))
      .filter((match) => {
        const metric = this.metricsById.get(match.metricId);
        return metric?.kind === "seizure" && (metric.units.includes("items") || metric.units.includes("rounds"));
      })
      .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const chosen = candidates[0];
    if (!chosen) return null;
    const end = Math.max(
      ...candidates
        .filter((match) => match.metricId === chosen.metricId && match.start <= chosen.end)
        .map((match) => match.end),
    );
    while (this.tokens[last]!.wordIndex !== end - 1) last += 1;
    const metric = this.metricsById.get(chosen.metricId)!;
    const unit = metric.units.includes("items") ? "items" : "rounds";
    const start = article.start;
    return {
      value: decimalText(ONE),
      unit,
      qualifier: "exact",
      metric: metric.id,
      matched: this.passage.slice(start, this.tokens[last]!.end),
      start,
      end: this.tokens[last]!.end,
      sentence: article.sentence,
      byArticle: true,
    };
  }

  private quoteOf(sentence: number): string {
    let quote = this.quotes.get(sentence);
    if (quote === undefined) {
      quote = this.sentenceText(sentence);
      this.quotes.set(sentence, quote);
    }
    return quote;
  }

  private sentenceText(sentence: number): string {
    const inSentence = this.sentenceTokens(sentence);
    let first = 0;
    let last = inSentence.length - 1;
    const edge = (token: Token | undefined) =>
      token?.kind === "mark" && ["•", "·", "▪", "●", "*", "-", "–", "—", "/", "|"].includes(token.text);
    while (first < last && edge(inSentence[first])) first += 1;
    while (last > first && edge(inSentence[last])) last -= 1;
    const from = inSentence[first];
    const to = inSentence[last];
    if (!from || !to) return "";
    return this.passage.slice(from.start, to.end).replace(/\s+/g, " ").trim();
  }

  /** Articles only beside other figures; each figure once (a release repeats its headline numbers). */
  private finish(drafts: Draft[]): ProposedFigure[] {
    const counted = new Set(drafts.filter((draft) => !draft.byArticle).map((draft) => draft.sentence));
    const seen = new Set<string>();
    const figures: ProposedFigure[] = [];
    for (const draft of drafts) {
      if (draft.byArticle && !counted.has(draft.sentence)) continue;
      const key = JSON.stringify([draft.value, draft.unit, draft.qualifier, draft.metric, draft.range ?? null]);
      if (seen.has(key)) continue;
      seen.add(key);
      figures.push({
        value: draft.value,
        unit: draft.unit,
        qualifier: draft.qualifier,
        metric: draft.metric,
        quote: this.quoteOf(draft.sentence),
        matched: draft.matched,
        start: draft.start,
        end: draft.end,
        ...(draft.range ? { range: draft.range } : {}),
      });
    }
    return figures;
  }
}
