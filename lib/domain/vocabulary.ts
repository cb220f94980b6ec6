/** The fixed lists of the record, with the words readers see. */

function valuesOf<T extends Record<string, string>>(labels: T) {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
}

/** How a source qualified its number: "over £54 million" is not "£54 million". */
export const QUALIFIER_LABELS = {
  exact: "Stated without qualifier",
  "more-than": "More than / over",
  "at-least": "At least",
  almost: "Almost / nearly",
  about: "About / around / some",
  "up-to": "Up to",
} as const;
export type Qualifier = keyof typeof QUALIFIER_LABELS;
export const QUALIFIERS = valuesOf(QUALIFIER_LABELS);

export function isQualifier(value: string): value is Qualifier {
  return Object.hasOwn(QUALIFIER_LABELS, value);
}

/** The word put before a number in running text. */
export const QUALIFIER_PREFIX: Record<Qualifier, string> = {
  exact: "",
  "more-than": "over",
  "at-least": "at least",
  almost: "almost",
  about: "about",
  "up-to": "up to",
};

export const FIGURE_KIND_LABELS = {
  arrest: "Arrests and the courts",
  seizure: "Seizures",
  other: "Other reported figures",
} as const;
export type FigureKind = keyof typeof FIGURE_KIND_LABELS;
export const FIGURE_KINDS = valuesOf(FIGURE_KIND_LABELS);

export const SOURCE_KIND_LABELS = {
  official: "Official",
  press: "Press",
  commentary: "Commentary",
  court: "Court",
} as const;
export type SourceKind = keyof typeof SOURCE_KIND_LABELS;
export const SOURCE_KINDS = valuesOf(SOURCE_KIND_LABELS);

export const SOURCE_COPY_LABELS = {
  original: "Original reporting",
  mirror: "Mirror of another outlet's story",
} as const;
export type SourceCopy = keyof typeof SOURCE_COPY_LABELS;
export const SOURCE_COPIES = valuesOf(SOURCE_COPY_LABELS);

export const JURISDICTION_LABELS = {
  "england-and-wales": "England and Wales",
  uk: "United Kingdom",
  eu: "European Union",
  netherlands: "Netherlands",
} as const;
export type Jurisdiction = keyof typeof JURISDICTION_LABELS;
export const JURISDICTIONS = valuesOf(JURISDICTION_LABELS);
