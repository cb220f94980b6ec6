import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantity } from "@/lib/domain/quantity";
import type { Unit } from "@/lib/domain/units";
import { QUALIFIERS, type Qualifier } from "@/lib/domain/vocabulary";
import { MAX_PASSAGE_CHARACTERS, metricHintsOf, proposeFigures, type MetricHint, type ProposedFigure } from "./propose";

/** The record's metrics as the admin's form options give them (units comma-separated). */
const METRICS: MetricHint[] = metricHintsOf([
  { id: "arrested", label: "People arrested", kind: "arrest", units: "people" },
  { id: "charged", label: "People charged", kind: "arrest", units: "people" },
  { id: "convicted", label: "People convicted", kind: "arrest", units: "people" },
  { id: "sentenced", label: "People sentenced / jailed", kind: "arrest", units: "people" },
  { id: "awaiting-trial", label: "Defendants awaiting trial", kind: "arrest", units: "people" },
  { id: "years-imprisonment", label: "Total years of imprisonment imposed", kind: "other", units: "years" },
  { id: "cash", label: "Cash seized", kind: "seizure", units: "GBP,EUR" },
  { id: "criminal-proceeds-recovered", label: "Criminal proceeds recovered", kind: "seizure", units: "GBP" },
  { id: "drugs-all", label: "Drugs seized (all / unspecified types)", kind: "seizure", units: "kg" },
  { id: "drugs-class-a", label: "Class A drugs seized", kind: "seizure", units: "kg" },
  { id: "cannabis", label: "Cannabis seized", kind: "seizure", units: "kg" },
  { id: "cocaine", label: "Cocaine seized", kind: "seizure", units: "kg" },
  { id: "heroin", label: "Heroin seized", kind: "seizure", units: "kg" },
  { id: "firearms", label: "Firearms seized", kind: "seizure", units: "items" },
  { id: "grenades", label: "Grenades seized", kind: "seizure", units: "items" },
  { id: "ammunition", label: "Ammunition seized", kind: "seizure", units: "rounds" },
  { id: "vehicles", label: "Vehicles seized", kind: "seizure", units: "items" },
  { id: "luxury-watches", label: "Luxury watches seized", kind: "seizure", units: "items" },
  { id: "properties", label: "Properties (estates or homes) seized", kind: "seizure", units: "items" },
  { id: "drug-labs", label: "Drug laboratories dismantled", kind: "seizure", units: "labs" },
  { id: "threats-to-life-mitigated", label: "Threats to life mitigated / prevented", kind: "other", units: "cases" },
  { id: "users", label: "EncroChat users", kind: "other", units: "users" },
  { id: "messages-intercepted", label: "Messages / conversations intercepted", kind: "other", units: "messages" },
]);

type Expected = { value: string; unit: Unit; qualifier: Qualifier; metric?: string | null; matched?: string };

function propose(passage: string): ProposedFigure[] {
  return proposeFigures(passage, METRICS);
}

/** What an editor would look at first: each proposal's value, unit, qualifier, metric and words. */
function summary(passage: string) {
  return propose(passage).map(({ value, unit, qualifier, metric, matched }) => ({
    value,
    unit,
    qualifier,
    metric,
    matched,
  }));
}

function expectFigures(passage: string, expected: Expected[]) {
  const found = summary(passage);
  expect(found).toHaveLength(expected.length);
  expected.forEach((figure, index) => expect(found[index]).toMatchObject(figure));
}

describe("digits", () => {
  it("reads thousands separators and decimals exactly", () => {
    expectFigures("Officers have now arrested 2,864 people across the country.", [
      { value: "2864", unit: "people", qualifier: "exact", metric: "arrested", matched: "2,864" },
    ]);
    expectFigures("Police recovered 1,234.5kg of cannabis from the farm.", [
      { value: "1234.5", unit: "kg", qualifier: "exact", metric: "cannabis", matched: "1,234.5kg" },
    ]);
    expectFigures("A total of 5.07 tonnes of heroin was taken off the streets.", [
      { value: "5070", unit: "kg", qualifier: "exact", metric: "heroin", matched: "5.07 tonnes" },
    ]);
  });

  it("reads thousands grouped by spaces and the continental point, as European agencies write them", () => {
    expectFigures("Europol said 6 558 suspects were arrested.", [
      { value: "6558", unit: "people", qualifier: "exact", metric: "arrested", matched: "6 558" },
    ]);
    expectFigures("Er is 10.000 kilo cocaïne onderschept.", [
      { value: "10000", unit: "kg", qualifier: "exact", metric: "cocaine", matched: "10.000 kilo" },
    ]);
  });
});

describe("written numbers", () => {
  it.each([
    ["One man has been charged with conspiracy.", "1", "people", "charged", "One"],
    ["Twelve people were arrested in dawn raids.", "12", "people", "arrested", "Twelve"],
    ["Officers arrested two hundred people over the weekend.", "200", "people", "arrested", "two hundred"],
    ["Detectives seized three tonnes of cocaine at the port.", "3000", "kg", "cocaine", "three tonnes"],
    ["A hundred people have been charged so far.", "100", "people", "charged", "A hundred"],
    ["Forty-two firearms were recovered.", "42", "items", "firearms", "Forty-two"],
    ["Courts have convicted two hundred and fifty people.", "250", "people", "convicted", "two hundred and fifty"],
    ["Police found half a tonne of cannabis in the lorry.", "500", "kg", "cannabis", "half a tonne"],
    ["Police seized three million pounds in cash.", "3000000", "GBP", "cash", "three million pounds"],
    ["Officers seized two and a half tonnes of cocaine.", "2500", "kg", "cocaine", "two and a half tonnes"],
    ["Officers seized 2 and a half million pounds in cash.", "2500000", "GBP", "cash", "2 and a half million pounds"],
  ])("%s", (passage, value, unit, metric, matched) => {
    expectFigures(passage, [{ value, unit: unit as Unit, qualifier: "exact", metric, matched }]);
  });

  it("reads a dozen as about twelve, and leaves out dozens, hundreds and thousands, which count nothing exactly", () => {
    expectFigures("Officers recovered a dozen firearms.", [
      { value: "12", unit: "items", qualifier: "about", metric: "firearms", matched: "a dozen" },
    ]);
    expect(propose("Dozens of firearms, hundreds of phones and thousands of messages were seized.")).toEqual([]);
  });

  it("does not take the word 'one' for a count unless it counts something", () => {
    expect(propose("It was one of the largest operations in the force's history.")).toEqual([]);
    expect(propose("No one was hurt in the raids.")).toEqual([]);
  });
});

describe("scale words and currencies", () => {
  it.each([
    ["Police seized £19m in cash.", "19000000", "GBP", "£19m"],
    ["The gang laundered €1.5bn of cash.", "1500000000", "EUR", "€1.5bn"],
    ["Detectives seized 19 million pounds in cash.", "19000000", "GBP", "19 million pounds"],
    ["The court heard that £1.15bn of cash passed through the network.", "1150000000", "GBP", "£1.15bn"],
    ["Cash worth £500k was found in the loft.", "500000", "GBP", "£500k"],
    ["Officers seized 70 million Euros in cash.", "70000000", "EUR", "70 million Euros"],
    ["Europol reported EUR 739.7 million in cash seized.", "739700000", "EUR", "EUR 739.7 million"],
    ["Officers found £2,500.50 in cash.", "2500.5", "GBP", "£2,500.50"],
  ])("%s", (passage, value, unit, matched) => {
    expectFigures(passage, [{ value, unit: unit as Unit, qualifier: "exact", metric: "cash", matched }]);
  });

  it("reads scale words for counts as well as money", () => {
    expectFigures("Investigators intercepted 115 million messages.", [
      { value: "115000000", unit: "messages", qualifier: "exact", metric: "messages-intercepted" },
    ]);
  });

  it("leaves out dollar amounts, which the record has no unit for, rather than counting them", () => {
    expect(propose("The network earned $10m from 40 users.")).toEqual([
      expect.objectContaining({ value: "40", unit: "users", metric: "users" }),
    ]);
  });
});

describe("mass", () => {
  it.each([
    ["Officers seized 3 tonnes of cocaine.", "3000", "3 tonnes"],
    ["Officers seized 500 grams of cocaine.", "0.5", "500 grams"],
    ["Officers seized 250g of cocaine.", "0.25", "250g"],
    ["Officers seized 40 kilos of cocaine.", "40", "40 kilos"],
    ["Officers seized 12 kilograms of cocaine.", "12", "12 kilograms"],
    ["Officers seized eight tons of cocaine.", "8000", "eight tons"],
    ["Officers seized 79kg of cocaine.", "79", "79kg"],
    ["Officers seized 5,070kgs of cocaine.", "5070", "5,070kgs"],
  ])("%s", (passage, value, matched) => {
    expectFigures(passage, [{ value, unit: "kg", qualifier: "exact", metric: "cocaine", matched }]);
  });

  it("leaves out a mass finer than a gram, which the record cannot hold", () => {
    expect(propose("Traces of 0.4 grams of heroin were found.")).toEqual([]);
  });
});

describe("qualifiers", () => {
  it.each([
    ["over", "more-than"],
    ["more than", "more-than"],
    ["in excess of", "more-than"],
    ["at least", "at-least"],
    ["a minimum of", "at-least"],
    ["almost", "almost"],
    ["nearly", "almost"],
    ["just under", "almost"],
    ["around", "about"],
    ["about", "about"],
    ["approximately", "about"],
    ["some", "about"],
    ["roughly", "about"],
    ["up to", "up-to"],
    ["as many as", "up-to"],
  ] as const)("%s → %s", (words, qualifier) => {
    expectFigures(`Police said ${words} £19 million in cash had been seized.`, [
      { value: "19000000", unit: "GBP", qualifier, metric: "cash", matched: `${words} £19 million` },
    ]);
  });

  it("reads a trailing plus as more than", () => {
    expectFigures("The unit has made 1,000+ arrests since the hack.", [
      { value: "1000", unit: "people", qualifier: "more-than", metric: "arrested", matched: "1,000+" },
    ]);
  });

  it("keeps 'no more than' from being read as 'more than'", () => {
    expectFigures("No more than 20 people were charged.", [
      { value: "20", unit: "people", qualifier: "up-to", metric: "charged", matched: "No more than 20" },
    ]);
  });
});

describe("ranges", () => {
  it("proposes the low end, at least, and keeps both ends", () => {
    expect(propose("Between 10 and 20 people are expected to be charged.")).toEqual([
      expect.objectContaining({
        value: "10",
        unit: "people",
        qualifier: "at-least",
        metric: "charged",
        matched: "Between 10 and 20",
        range: { low: "10", high: "20" },
      }),
    ]);
    expect(propose("Officers seized 10 to 20 tonnes of cannabis.")).toEqual([
      expect.objectContaining({ value: "10000", unit: "kg", range: { low: "10000", high: "20000" } }),
    ]);
    expect(propose("Some 10-20 firearms are thought to be missing.")).toEqual([
      expect.objectContaining({ value: "10", unit: "items", qualifier: "about", range: { low: "10", high: "20" } }),
    ]);
  });

  it("carries a scale word back to the low end: £10-20m is ten to twenty million", () => {
    expect(propose("The gang made £10-20m in cash.")).toEqual([
      expect.objectContaining({ value: "10000000", unit: "GBP", range: { low: "10000000", high: "20000000" } }),
    ]);
  });

  it("reads 'from 746 to 1,550' as two figures, not a range", () => {
    expect(summary("Arrests rose from 746 to 1,550 people arrested.").map((figure) => figure.value)).toEqual([
      "746",
      "1550",
    ]);
  });
});

describe("numbers that are not figures", () => {
  it.each([
    ["Operation Venetic began in 2020 and will run until 2025."],
    ["The network was taken down on 2 July 2020."],
    ["The results were announced in March 2021."],
    ["Officers raided the address at 09:30 on Tuesday."],
    ["The raids began at 6am and ended by 10.30pm."],
    ["Arrests rose by 25% over the year and by 12 per cent in London."],
    ["It was the force's 2nd operation and its first conviction."],
    ["See R v A [2021] EWCA Crim 128, at [45]."],
    ["Anyone with information should call 101 or Crimestoppers on 0800 555 111."],
    ["The offence under section 12 of the Act carries a penalty."],
    ["Covid-19 rules slowed the courts, the M25 was shut and AK-47 parts were traced."],
    ["The case was listed for 3 days in court 2."],
    ["A 14-year-old was among those questioned."],
  ])("%s", (passage) => {
    expect(propose(passage)).toEqual([]);
  });

  it("tells a year from a count of that size", () => {
    expect(summary("Since 2016 the force has made 2016 arrests.")).toEqual([
      expect.objectContaining({ value: "2016", unit: "people", metric: "arrested", matched: "2016" }),
    ]);
  });

  it("reads years of imprisonment only where the sentence speaks of prison", () => {
    expectFigures("In the last five years, 31 men have been jailed for a total of 212 years.", [
      { value: "31", unit: "people", qualifier: "exact", metric: "sentenced" },
      { value: "212", unit: "years", qualifier: "exact", metric: "years-imprisonment" },
    ]);
    expect(propose("The investigation has taken three years.")).toEqual([]);
  });
});

describe("the metric, from the words around the number", () => {
  it("prefers the words after the number, then those before", () => {
    expectFigures(
      "The unit has arrested 43 people and charged 11, and seized £2.1m in cash, 14 firearms and 900 rounds of ammunition.",
      [
        { value: "43", unit: "people", metric: "arrested", qualifier: "exact" },
        { value: "11", unit: "people", metric: "charged", qualifier: "exact" },
        { value: "2100000", unit: "GBP", metric: "cash", qualifier: "exact" },
        { value: "14", unit: "items", metric: "firearms", qualifier: "exact" },
        { value: "900", unit: "rounds", metric: "ammunition", qualifier: "exact" },
      ],
    );
  });

  it("reads synonyms: guns are firearms, cars vehicles, watches luxury watches, chats messages", () => {
    expect(summary("Officers seized 165 guns, 25 cars and 12 watches.").map((figure) => figure.metric)).toEqual([
      "firearms",
      "vehicles",
      "luxury-watches",
    ]);
    expectFigures("Dutch investigators read 20 million chats.", [
      { value: "20000000", unit: "messages", metric: "messages-intercepted", qualifier: "exact" },
    ]);
  });

  it("names the unit from the noun when no metric fits, and leaves the metric empty", () => {
    expectFigures("Officers seized 37 paintings.", [{ value: "37", unit: "items", metric: null, qualifier: "exact" }]);
  });

  it("lets a list carry on counting what it counted: 'including around 10,000 in the UK'", () => {
    expectFigures("The phones were used by 60,000 people worldwide, including around 10,000 in the UK.", [
      { value: "60000", unit: "users", metric: "users", qualifier: "exact" },
      { value: "10000", unit: "users", metric: "users", qualifier: "about" },
    ]);
  });

  it("reads 'Seven of the 15 men' as seven men", () => {
    expectFigures("Seven of the 15 men have already been jailed.", [
      { value: "7", unit: "people", metric: "sentenced", qualifier: "exact", matched: "Seven" },
      { value: "15", unit: "people", metric: "sentenced", qualifier: "exact", matched: "15" },
    ]);
  });

  it("reads a label before a colon, as in a table of results", () => {
    expectFigures("Arrested: 2,864\nCharged: 1,571\nClass A drugs seized: 9,296kg\nCriminal cash seized: £76,914,575", [
      { value: "2864", unit: "people", metric: "arrested", qualifier: "exact" },
      { value: "1571", unit: "people", metric: "charged", qualifier: "exact" },
      { value: "9296", unit: "kg", metric: "drugs-class-a", qualifier: "exact" },
      { value: "76914575", unit: "GBP", metric: "cash", qualifier: "exact" },
    ]);
  });

  it("uses an added metric's label words when the table does not know it", () => {
    const metrics = [
      ...METRICS,
      { id: "crypto", label: "Cryptocurrency seized", kind: "seizure", units: ["GBP"] as Unit[] },
    ];
    expect(proposeFigures("Officers froze £3m in cryptocurrency.", metrics)).toEqual([
      expect.objectContaining({ value: "3000000", unit: "GBP", metric: "crypto" }),
    ]);
  });

  it("counts 'an assault rifle' as one only in a list of what was seized", () => {
    const metrics = [
      ...METRICS,
      { id: "assault-rifles", label: "Assault rifles seized", kind: "seizure", units: ["items"] as Unit[] },
    ];
    expect(
      proposeFigures("Police recovered 12 firearms, including an AK47 assault rifle.", metrics).map((figure) => [
        figure.value,
        figure.metric,
        figure.matched,
      ]),
    ).toEqual([
      ["12", "firearms", "12"],
      ["1", "assault-rifles", "an AK47 assault rifle"],
    ]);
    expect(proposeFigures("Officers raided a property in Birmingham.", metrics)).toEqual([]);
  });
});

describe("a whole release", () => {
  it("proposes each figure of a regional unit's update, and nothing else", () => {
    const release = [
      "Since the takedown in June 2020, officers from the Eastern Region Special Operations Unit (ERSOU) have",
      "arrested 212 suspects, charged 161 and secured 97 convictions. They have seized 1.1 tonnes of Class A drugs,",
      "46 firearms, £3.2m in cash and 11 vehicles. Sentences handed down so far total more than 700 years.",
      "",
      'Det Supt Jane Doe said: "Nine out of ten of these cases ended in guilty pleas." Anyone with information',
      "should call 101. Press release 45/2021, issued 08/06/2022 at 09:30.",
    ].join("\n");
    expect(summary(release).map(({ value, unit, qualifier, metric }) => [value, unit, qualifier, metric])).toEqual([
      ["212", "people", "exact", "arrested"],
      ["161", "people", "exact", "charged"],
      ["97", "people", "exact", "convicted"],
      ["1100", "kg", "exact", "drugs-class-a"],
      ["46", "items", "exact", "firearms"],
      ["3200000", "GBP", "exact", "cash"],
      ["11", "items", "exact", "vehicles"],
      ["700", "years", "more-than", "years-imprisonment"],
    ]);
  });
});

describe("quotes and offsets", () => {
  it("gives the sentence each figure came from, and where its words are", () => {
    const passage = "Police made 746 arrests. They seized over £54 million in cash.\n\n  • 77 firearms";
    const figures = propose(passage);
    expect(figures.map((figure) => figure.quote)).toEqual([
      "Police made 746 arrests.",
      "They seized over £54 million in cash.",
      "77 firearms",
    ]);
    for (const figure of figures) expect(passage.slice(figure.start, figure.end)).toBe(figure.matched);
  });

  it("proposes a figure the passage repeats once", () => {
    expect(propose("Police seized 77 firearms. In all, 77 firearms were recovered.")).toHaveLength(1);
  });
});

describe("properties", () => {
  it("never throws, and every proposal is where it says and a value the record can store", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), sentences()),
        (passage) => {
          for (const figure of propose(passage)) {
            expect(passage.slice(figure.start, figure.end)).toBe(figure.matched);
            expect(parseQuantity(figure.value, figure.unit).ok).toBe(true);
            if (figure.range) expect(parseQuantity(figure.range.high, figure.unit).ok).toBe(true);
            expect(QUALIFIERS).toContain(figure.qualifier);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads back any count written with thousands separators and any qualifier's words", () => {
    const wordsFor: Record<Qualifier, string[]> = {
      exact: [""],
      "more-than": ["over", "more than", "in excess of"],
      "at-least": ["at least", "a minimum of"],
      almost: ["almost", "nearly", "just under"],
      about: ["about", "around", "approximately", "some", "roughly"],
      "up-to": ["up to", "as many as"],
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 999_999_999_999n }),
        fc.constantFrom(...QUALIFIERS),
        fc.nat(),
        (count, qualifier, pick) => {
          const options = wordsFor[qualifier];
          const words = options[pick % options.length]!;
          const grouped = count.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
          const passage = `Officers seized ${words ? `${words} ` : ""}${grouped} firearms last year.`;
          expect(propose(passage)).toEqual([
            expect.objectContaining({
              value: count.toString(),
              unit: "items",
              qualifier,
              metric: "firearms",
              matched: `${words ? `${words} ` : ""}${grouped}`,
            }),
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads back any sum of money written with a decimal and a scale word, exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(["m", 6], ["bn", 9], [" million", 6], [" billion", 9], ["k", 3]),
        fc.constantFrom(["£", "GBP"], ["€", "EUR"]),
        (whole, hundredths, [word, power], [symbol, unit]) => {
          const fraction = hundredths.toString().padStart(2, "0");
          const passage = `Investigators seized ${symbol}${whole}.${fraction}${word} in cash.`;
          const expected = (BigInt(`${whole}${fraction}`) * 10n ** BigInt(power - 2)).toString();
          expect(propose(passage)).toEqual([expect.objectContaining({ value: expected, unit, metric: "cash" })]);
        },
      ),
    );
  });
});

describe("long and hostile passages", () => {
  it("reads a passage at the length limit in well under a second or two", () => {
    const sentence = "Officers seized a firearm, 12 guns and £3m in cash, arrested 4 people and jailed 9 for 45 years ";
    const passage = sentence.repeat(Math.ceil(MAX_PASSAGE_CHARACTERS / sentence.length));
    const started = performance.now();
    const figures = propose(passage);
    expect(performance.now() - started).toBeLessThan(5_000);
    // One sentence, so each figure once.
    expect(figures.map((figure) => figure.value)).toEqual(["1", "12", "3000000", "4", "9", "45"]);
  });

  it("is not fooled by words that are also names on every JavaScript object", () => {
    expect(propose("constructor one constructor 5 constructor, 3 toString and 4 __proto__ hasOwnProperty")).toEqual([]);
    const odd = [{ id: "constructor", label: "toString __proto__", kind: "seizure", units: ["items"] as Unit[] }];
    expect(proposeFigures("Police seized 4 __proto__ and 5 toString.", odd)).toEqual([
      expect.objectContaining({ value: "4", metric: "constructor" }),
      expect.objectContaining({ value: "5", metric: "constructor" }),
    ]);
  });

  it("reads only the first MAX_PASSAGE_CHARACTERS of a longer passage", () => {
    const passage = `${"x ".repeat(MAX_PASSAGE_CHARACTERS / 2)}Police made 746 arrests.`;
    expect(propose(passage)).toEqual([]);
  });
});

/** Sentences made of the words the parser reacts to, in any order: the ones most likely to trip it. */
function sentences() {
  const pieces = [
    "over",
    "between",
    "and",
    "to",
    "a",
    "half",
    "dozen",
    "one",
    "hundred",
    "million",
    "£",
    "€",
    "$",
    "EUR",
    "-",
    "–",
    "+",
    "%",
    ":",
    "/",
    "[2021]",
    "2020",
    "0800",
    "1,234.5",
    "10.000",
    "6 558",
    "19m",
    "1.15bn",
    "kg",
    "tonnes",
    "grams",
    "arrests",
    "people",
    "firearms",
    "of the",
    "years",
    "jailed",
    "cash",
    ".",
    ",",
    "\n",
    "July",
    "constructor",
    "__proto__",
    "toString",
    "hasOwnProperty",
  ];
  return fc
    .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom("", " ")), { maxLength: 30 })
    .map((parts) => parts.map(([piece, space]) => piece + space).join(""));
}
