import { z } from "zod";
import { parseQuantity } from "@/lib/domain/quantity";
import { isUnit, UNIT_VALUES } from "@/lib/domain/units";
import { AGENCY_KINDS, JURISDICTIONS, QUALIFIERS, SOURCE_COPIES, SOURCE_KINDS } from "@/lib/domain/vocabulary";
import { optionalText, partialDate, recordId, requiredText, webAddress } from "./fields";

/**
 * One schema per editor's form, used by the form in the browser and checked again by its
 * server action. Input is what a form sends: text in every field.
 */

/** Tags such as <b> or <script>: the record holds plain text, and pages print it as text. */
const MARKUP = /<\s*\/?\s*[a-z!?]/i;
const NO_MARKUP = "Write plain text: markup such as <b> or <script> is not allowed.";

function text(max: number, what: string) {
  return requiredText(max, what).refine((value) => !MARKUP.test(value), NO_MARKUP);
}

function optional(max: number, what: string) {
  return optionalText(max, what).refine((value) => value === null || !MARKUP.test(value), NO_MARKUP);
}

function choice(message: string) {
  return z.string({ message }).trim().min(1, message).max(120, message).pipe(recordId);
}

function optionalChoice() {
  return z
    .string()
    .trim()
    .max(120, "Choose one from the list.")
    .nullish()
    .transform((value) => (value ? value : null))
    .pipe(recordId.nullable());
}

const optionalDate = z
  .string()
  .trim()
  .max(10, "Enter a real date as YYYY, YYYY-MM or YYYY-MM-DD.")
  .nullish()
  .transform((value) => (value ? value : null))
  .pipe(partialDate.nullable());

/** The widest unit (kilograms, 3 decimals) checks the number's form before its unit is known. */
const quantityText = z.string({ message: "Enter a number." }).superRefine((value, context) => {
  const result =
    value.length > 40
      ? { ok: false as const, message: "Enter a number of at most 15 digits." }
      : parseQuantity(value, "kg");
  if (!result.ok) context.addIssue({ code: "custom", message: result.message });
});

export const figureSchema = z
  .object({
    metricId: choice("Choose what the figure counts."),
    value: quantityText,
    unit: z.enum(UNIT_VALUES, "Choose a unit from the list."),
    qualifier: z.enum(QUALIFIERS, "Choose how the source qualified the number."),
    geographyId: choice("Choose the area the figure covers."),
    agencyId: optionalChoice(),
    asOf: partialDate,
    sourceId: choice("Choose the source that reported it."),
    label: text(200, "The label"),
    quote: text(2000, "The quote"),
    note: optional(2000, "The note"),
  })
  .transform((figure, context) => {
    const quantity = isUnit(figure.unit) ? parseQuantity(figure.value, figure.unit) : null;
    if (!quantity?.ok) {
      context.addIssue({ code: "custom", path: ["value"], message: quantity?.message ?? "Choose a unit first." });
      return z.NEVER;
    }
    return { ...figure, valueMinor: quantity.minor };
  });

export const sourceSchema = z
  .object({
    publisher: text(200, "The publisher"),
    title: optional(500, "The title"),
    url: webAddress,
    publishedOn: optionalDate,
    dateNote: optional(1000, "The date note"),
    kind: z.enum(SOURCE_KINDS, "Choose the kind of source."),
    copy: z.enum(SOURCE_COPIES, "Say whether it is original reporting or a mirror."),
    copyOf: optional(200, "The original outlet"),
    note: optional(2000, "The note"),
  })
  .superRefine((source, context) => {
    if (source.copy === "mirror" && !source.copyOf) {
      context.addIssue({ code: "custom", path: ["copyOf"], message: "Name the outlet whose story this mirrors." });
    }
  });

export const agencySchema = z.object({
  name: text(200, "The name"),
  shortName: optional(60, "The short name"),
  kind: z.enum(AGENCY_KINDS, "Choose the kind of body."),
  country: z
    .string({ message: "Use a two-letter country code, such as GB." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code, such as GB."),
  role: text(2000, "The role"),
});

export const rulingSchema = z.object({
  date: optionalDate,
  court: text(200, "The court"),
  courtId: optionalChoice(),
  caseName: optional(300, "The case"),
  jurisdiction: z.enum(JURISDICTIONS, "Choose the jurisdiction."),
  outcome: text(3000, "The outcome"),
  sourceId: choice("Choose the source that reported it."),
  note: optional(2000, "The note"),
});

/** What every save carries besides the record: which version was opened, and why it changes. */
export const changeSchema = z.object({
  version: z.coerce
    .number({ message: "The form is missing the record's version; open it again." })
    .int("The form is missing the record's version; open it again.")
    .positive("The form is missing the record's version; open it again."),
  reason: optional(500, "The reason"),
});

export const RECORD_SCHEMAS = {
  figure: figureSchema,
  source: sourceSchema,
  agency: agencySchema,
  ruling: rulingSchema,
} as const;

export type EditableRecordType = keyof typeof RECORD_SCHEMAS;

export type FigureInput = z.output<typeof figureSchema>;
export type SourceInput = z.output<typeof sourceSchema>;
export type AgencyInput = z.output<typeof agencySchema>;
export type RulingInput = z.output<typeof rulingSchema>;

/** Every field's messages, keyed by the field's name, as the forms show them. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const messages = (errors[field] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return errors;
}
