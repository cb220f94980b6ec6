import { z } from "zod";
import { isPartialDate } from "@/lib/domain/partial-date";

/**
 * Field rules shared by every form's schema (the records', the editors', signing in) and by the
 * seed's dataset check, and the shape in which a form hears what is wrong with its fields.
 */

/** Ids of seeded records are readable slugs ("itv-2020-07-02-cash"); new ones are cuids. */
export const recordId = z
  .string()
  .trim()
  .min(1, "Choose one.")
  .max(120, "An id is at most 120 characters.")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Use lower-case letters, digits and hyphens.");

const PARTIAL_DATE_MESSAGE = "Enter a real date as YYYY, YYYY-MM or YYYY-MM-DD.";

/** At most YYYY-MM-DD: the limit is what a form's field allows to be typed. */
export const partialDate = z
  .string()
  .trim()
  .max(10, { message: PARTIAL_DATE_MESSAGE, abort: true })
  .refine(isPartialDate, PARTIAL_DATE_MESSAGE);

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

/** `missing`, when given, is said of an empty field instead of "The name is required.". */
export function requiredText(max: number, what = "This", missing?: string) {
  return z
    .string(missing ? { message: missing } : undefined)
    .trim()
    .min(1, missing ?? `${what} is required.`)
    .max(max, `${what} is at most ${max.toLocaleString("en-GB")} characters.`);
}

/** Empty text from a form or a null in JSON both mean "not given". */
export function optionalText(max: number, what = "This") {
  return z
    .string()
    .trim()
    .max(max, `${what} is at most ${max.toLocaleString("en-GB")} characters.`)
    .nullish()
    .transform((text) => (text ? text : null));
}

/** Tags such as <b> or <script>: the record holds plain text, and pages print it as text. */
const MARKUP = /<\s*\/?\s*[a-z!?]/i;
const NO_MARKUP = "Write plain text: markup such as <b> or <script> is not allowed.";

export function plainText(max: number, what: string, missing?: string) {
  return requiredText(max, what, missing).refine((value) => !MARKUP.test(value), NO_MARKUP);
}

export function optionalPlainText(max: number, what: string) {
  return optionalText(max, what).refine((value) => value === null || !MARKUP.test(value), NO_MARKUP);
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
