import { isUnit, type Unit } from "@/lib/domain/units";
import { lookup } from "./numbers";
import { normalWord } from "./tokens";

/**
 * What a release's words say a number counts: the metric ("942 arrests" → arrested), and the
 * unit a noun implies ("1,800 rounds" → rounds, "15 men" → people).
 */

/** A metric as the parser needs it: the admin's metric list and the dataset's vocabulary both give this. */
export type MetricHint = { id: string; label: string; kind: string; units: readonly Unit[] };

/** From the form's options, where a metric's units are one comma-separated column. */
export function metricHintsOf(metrics: readonly { id: string; label: string; kind: string; units: string }[]) {
  return metrics.map((metric): MetricHint => ({
    ...metric,
    units: metric.units
      .split(",")
      .map((unit) => unit.trim())
      .filter(isUnit),
  }));
}

const COUNT_UNITS_EXCLUDED = new Set<Unit>(["GBP", "EUR", "kg"]);

/** A unit that counts things, so a bare number can be in it: not money, not mass. */
export function isCountUnit(unit: Unit): boolean {
  return !COUNT_UNITS_EXCLUDED.has(unit);
}

/**
 * The words that name each of the record's metrics, by metric id, in the singular (a plural
 * "s", "es" or "ies" is allowed on the last word). Metrics not listed here (one an admin adds)
 * are found by the distinctive words of their label. Dutch and French words are for the
 * foreign releases the record cites.
 */
const METRIC_WORDS = lookup<readonly string[]>({
  arrested: ["arrest", "arrested", "gearresteerd", "aangehouden", "interpellé"],
  charged: ["charged", "charging"],
  convicted: ["convicted", "conviction", "found guilty", "veroordeeld", "condamné"],
  sentenced: ["sentenced", "jailed", "imprisoned", "locked up", "behind bars"],
  "high-value-targets-arrested": ["high value target", "hvt"],
  "awaiting-trial": ["awaiting trial", "await trial", "to be tried", "facing trial"],
  "years-imprisonment": ["years of imprisonment", "years in prison", "years in jail"],
  cash: ["cash", "contant geld", "espèces"],
  "assets-seized": ["asset"],
  "assets-frozen": ["frozen", "freezing", "bank account"],
  "criminal-proceeds-recovered": ["proceeds", "recovered", "ill gotten gain", "confiscation order"],
  "drugs-all": ["drug", "narcotic"],
  "drugs-class-a": ["class a", "class a drug"],
  "drugs-class-a-and-b": ["class a and b", "class a and b drug"],
  cannabis: ["cannabis", "marijuana", "skunk", "hashish", "herbal cannabis"],
  cocaine: ["cocaine", "cocaïne", "coke"],
  heroin: ["heroin"],
  "crystal-meth": ["crystal meth", "methamphetamine", "meth"],
  "etizolam-pills": ["etizolam", "etizolam pill", "street valium"],
  pills: ["pill", "tablet", "chemical drug"],
  firearms: ["firearm", "gun", "handgun", "pistol", "shotgun", "revolver", "fire weapon", "machine gun"],
  weapons: ["weapon", "wapen"],
  "assault-rifles": ["assault rifle", "ak47", "ak 47", "kalashnikov", "rifle"],
  grenades: ["grenade", "hand grenade"],
  ammunition: ["ammunition", "round", "rounds of ammunition", "bullet", "cartridge", "ammo"],
  explosives: ["explosive", "explosive device"],
  vehicles: ["vehicle", "car", "van", "lorry", "lorries", "truck", "motorbike", "motorcycle"],
  "high-value-cars": ["high value car", "luxury car", "supercar", "high end car"],
  "luxury-watches": ["watch", "luxury watch", "rolex"],
  properties: ["property", "estate", "homes", "houses", "real estate", "estat"],
  boats: ["boat", "vessel", "yacht", "speedboat"],
  aircraft: ["aircraft", "plane", "helicopter", "private jet"],
  "drug-labs": ["drug lab", "drugs lab", "lab", "laboratory", "drugslab", "drugslaboratorium", "drugslaboratoria"],
  "threats-to-life-mitigated": ["threat to life", "threats to life", "threat to life situation"],
  "murder-plots-foiled": ["murder plot", "murder", "assassination", "assassinat"],
  users: ["user", "used by", "subscriber", "gebruiker", "utilisateur"],
  "messages-intercepted": ["message", "conversation", "chat", "intercepted", "bericht"],
  "intelligence-packages": ["intelligence package", "package"],
  "criminal-procedures-opened": ["procedure", "criminal procedure", "procédure", "investigation opened"],
});

/** Label words that say nothing about which metric: shared by many labels, or grammar. */
const LABEL_WORDS_IGNORED = new Set([
  "a",
  "an",
  "and",
  "or",
  "of",
  "the",
  "in",
  "by",
  "to",
  "for",
  "with",
  "seized",
  "people",
  "value",
  "type",
  "unspecified",
  "all",
  "total",
  "number",
]);

/**
 * The nouns that fix what a number counts whatever the metric: "15 men" are people, "45 years"
 * a sentence, "220 rounds" ammunition.
 */
const COUNTED_NOUNS = lookup<Unit>({
  people: "people",
  persons: "people",
  person: "people",
  suspects: "people",
  criminals: "people",
  offenders: "people",
  men: "people",
  man: "people",
  women: "people",
  woman: "people",
  individuals: "people",
  defendants: "people",
  gangsters: "people",
  members: "people",
  targets: "people",
  dealers: "people",
  traffickers: "people",
  arrests: "people",
  convictions: "people",
  brothers: "people",
  sons: "people",
  associates: "people",
  couriers: "people",
  teenagers: "people",
  youths: "people",
  adults: "people",
  children: "people",
  boys: "people",
  girls: "people",
  victims: "people",
  officers: "people",
  detectives: "people",
  investigators: "people",
  staff: "people",
  verdachten: "people",
  personnes: "people",
  years: "years",
  year: "years",
  rounds: "rounds",
  bullets: "rounds",
  cartridges: "rounds",
  users: "users",
  subscribers: "users",
  gebruikers: "users",
  utilisateurs: "users",
  messages: "messages",
  conversations: "messages",
  chats: "messages",
  berichten: "messages",
  labs: "labs",
  laboratories: "labs",
  drugslaboratoria: "labs",
  packages: "packages",
  cases: "cases",
  procedures: "cases",
  procédures: "cases",
  investigations: "cases",
  incidents: "cases",
  plots: "cases",
  offences: "cases",
  crimes: "cases",
});

export function countedNoun(word: string): Unit | null {
  return COUNTED_NOUNS.get(word) ?? null;
}

/**
 * Words after a number that make it a measure of time, distance or rate rather than a count
 * the record keeps: "48 hours", "10 miles", "5 times".
 */
const MEASURES = new Set([
  "second",
  "seconds",
  "minute",
  "minutes",
  "hour",
  "hours",
  "hrs",
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "decade",
  "decades",
  "century",
  "centuries",
  "times",
  "am",
  "pm",
  "o'clock",
  "mile",
  "miles",
  "metre",
  "metres",
  "meter",
  "meters",
  "km",
  "kilometres",
  "feet",
  "foot",
  "inches",
  "degrees",
  "points",
  "pence",
  "p",
  "per",
  "percent",
  "procent",
  "pour",
  "jaar",
  "ans",
  "jours",
  "dagen",
]);

export function isMeasureWord(word: string): boolean {
  return MEASURES.has(word);
}

/** Words ending in "s" that are not plural nouns, for telling "37 motorbikes" from "37 was". */
const NOT_PLURAL = new Set([
  "was",
  "has",
  "is",
  "this",
  "its",
  "his",
  "hers",
  "ours",
  "yours",
  "theirs",
  "as",
  "us",
  "plus",
  "less",
  "unless",
  "across",
  "thus",
  "yes",
  "does",
  "goes",
  "always",
  "perhaps",
  "whereas",
  "besides",
  "towards",
  "afterwards",
  "upwards",
  "sometimes",
  "nevertheless",
  "regardless",
  "whereabouts",
  "alias",
  "bus",
  "gas",
  "les",
  "des",
  "dus",
  "als",
  "ons",
]);

/** A word that reads as a plural noun: the thing a bare number counts, when no metric names it. */
export function looksPlural(word: string): boolean {
  return (
    word.length >= 4 &&
    /^\p{Ll}+$/u.test(word) &&
    word.endsWith("s") &&
    !word.endsWith("ss") &&
    !word.endsWith("ous") &&
    !NOT_PLURAL.has(word) &&
    !MEASURES.has(word)
  );
}

/** Words that show a number of years is a prison term, not a span of time. */
const SENTENCING = new Set([
  "jail",
  "jailed",
  "prison",
  "imprisoned",
  "imprisonment",
  "sentence",
  "sentences",
  "sentenced",
  "sentencing",
  "custody",
  "bars",
  "gevangenisstraf",
  "celstraf",
]);

export function speaksOfSentences(words: readonly string[]): boolean {
  return words.some((word) => SENTENCING.has(word));
}

type Keyword = { metricId: string; words: readonly string[] };

/** The keywords of the metrics given: the table's words, or a new metric's label words. */
export function metricKeywords(metrics: readonly MetricHint[]): Keyword[] {
  const keywords: Keyword[] = [];
  for (const metric of metrics) {
    const listed = METRIC_WORDS.get(metric.id);
    const phrases = listed ?? labelWords(metric.label);
    for (const phrase of phrases) keywords.push({ metricId: metric.id, words: phrase.split(" ") });
  }
  return keywords;
}

function labelWords(label: string): string[] {
  return wordsOf(label).filter((word) => !LABEL_WORDS_IGNORED.has(word) && word.length > 2);
}

/** Lower-case words as the parser compares them: hyphens and slashes split words, elisions ("d'") drop. */
export function wordsOf(text: string): string[] {
  return normalWord(text)
    .split(/[^\p{L}\p{M}\p{N}']+/u)
    .map((word) => word.replace(/^[dl]'/, ""))
    .filter(Boolean);
}

function pluralOf(word: string, candidate: string): boolean {
  if (candidate === `${word}s` || candidate === `${word}es`) return true;
  return word.endsWith("y") && candidate === `${word.slice(0, -1)}ies`;
}

export type KeywordMatch = {
  metricId: string;
  /** Index of its first word, and one past its last, in the words searched. */
  start: number;
  end: number;
  /** Written in the singular: "an assault rifle". */
  singular: boolean;
};

/** Every place a metric's keyword occurs in `words`. */
export function findKeywords(words: readonly string[], keywords: readonly Keyword[]): KeywordMatch[] {
  const byFirstWord = new Map<string, Keyword[]>();
  for (const keyword of keywords) {
    const first = keyword.words[0]!;
    // A one-word keyword may be written in the plural, so it is also filed under its plurals.
    const spellings =
      keyword.words.length === 1 ? [first, `${first}s`, `${first}es`, `${first.slice(0, -1)}ies`] : [first];
    for (const spelling of spellings) byFirstWord.set(spelling, [...(byFirstWord.get(spelling) ?? []), keyword]);
  }
  const matches: KeywordMatch[] = [];
  for (let start = 0; start < words.length; start += 1) {
    for (const keyword of new Set(byFirstWord.get(words[start]!) ?? [])) {
      const length = keyword.words.length;
      if (start + length > words.length) continue;
      let same = true;
      for (let offset = 0; offset < length - 1 && same; offset += 1) {
        same = words[start + offset] === keyword.words[offset];
      }
      if (!same) continue;
      const lastWord = keyword.words[length - 1]!;
      const written = words[start + length - 1]!;
      const singular = written === lastWord;
      if (singular || pluralOf(lastWord, written)) {
        matches.push({ metricId: keyword.metricId, start, end: start + length, singular });
      }
    }
  }
  return matches;
}
