import { z } from "zod";
import { isPartialDate } from "@/lib/domain/partial-date";
import { normaliseText, plainTextProblem } from "@/lib/domain/plain-text";

/**
 * Field rules shared by every form's schema (the records', the editors', signing in) and by the
 * seed's dataset check, and the shape in which a form hears what is wrong with its fields.
 */

/** Ids are readable slugs ("itv-2020-07-02-cash", lib/records/readable-id.ts); records made before those were cuids. */
export const recordId = z
  .string()
  .trim()
  .min(1, "Choose one.")
  .max(120, "An id is at most 120 characters.")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Use lower-case letters, digits and hyphens.");

const PARTIAL_DATE_MESSAGE = "Enter a real date as YYYY, YYYY-MM or YYYY-MM-DD.";

/** The latest year a date may name: next year's, for a release already announced for it. */
export function latestYear(now = new Date()): number {
  return now.getUTCFullYear() + 1;
}

/** At most YYYY-MM-DD: the limit is what a form's field allows to be typed. */
export const partialDate = z
  .string()
  .trim()
  .max(10, { message: PARTIAL_DATE_MESSAGE, abort: true })
  .refine(isPartialDate, { message: PARTIAL_DATE_MESSAGE, abort: true })
  .refine((text) => Number(text.slice(0, 4)) <= latestYear(), {
    message: "The record holds what has been reported: enter a date no later than next year.",
  });

export const webAddress = z
  .string()
  .trim()
  .max(2000, "An address is at most 2,000 characters.")
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "Enter a full web address starting with https://.");

/** Whether a text field is one line (a name, a label) or several (a quote, a note). */
export type Lines = "one" | "many";

/**
 * Text as the one rule for incoming text has it (lib/domain/plain-text.ts): normalised, then
 * refused with a message naming the field when it holds what no reader can see. A field of
 * several lines says so in its JSON Schema (`multiline`), where the admin's form reads it.
 */
function text(max: number, what: string, lines: Lines, missing?: string) {
  const shape = lines === "many" ? "multi-line" : "one-line";
  const base = z
    .string(missing ? { message: missing } : undefined)
    .overwrite((value) => normaliseText(value, shape))
    .trim()
    .max(max, `${what} is at most ${max.toLocaleString("en-GB")} characters.`)
    .superRefine((value, context) => {
      const problem = plainTextProblem(value, shape, what);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
  return lines === "many" ? base.meta({ multiline: true }) : base;
}

/**
 * Required text. Markup needs no refusal: every writer escapes it (lib/escape.ts), so
 * "arrests < expected" is stored and shown as typed. `missing`, when given, is said of an empty
 * field instead of "The name is required.".
 */
export function requiredText(max: number, what = "This", options: { lines?: Lines; missing?: string } = {}) {
  const missing = options.missing ?? `${what} is required.`;
  return text(max, what, options.lines ?? "one", options.missing).pipe(z.string().min(1, missing));
}

/** Empty text from a form or a null in JSON both mean "not given". */
export function optionalText(max: number, what = "This", options: { lines?: Lines } = {}) {
  return text(max, what, options.lines ?? "one")
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Another record, chosen from a list. */
export function choice(message: string) {
  return z.string({ message }).trim().min(1, message).max(120, message).pipe(recordId);
}

export function optionalChoice() {
  return z
    .string()
    .trim()
    .max(120, "Choose one from the list.")
    .nullish()
    .transform((value) => (value ? value : null))
    .pipe(recordId.nullable());
}

export const optionalDate = z
  .string()
  .trim()
  .max(10, PARTIAL_DATE_MESSAGE)
  .nullish()
  .transform((value) => (value ? value : null))
  .pipe(partialDate.nullable());

const PLACE_MESSAGE = "Enter a place from 1 to 99, or leave it empty.";

/** A place in a list, 1 first, or none (empty). */
export const optionalPlace = z
  .string()
  .trim()
  .max(3, PLACE_MESSAGE)
  .nullish()
  .transform((value) => (value ? value : null))
  .pipe(
    z
      .string()
      .regex(/^[1-9]\d?$/, PLACE_MESSAGE)
      .transform(Number)
      .nullable(),
  );

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
