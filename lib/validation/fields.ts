import { z } from "zod";
import { isPartialDate } from "@/lib/domain/partial-date";

/** Field rules shared by the seed's dataset check and the editors' forms. */

/** Ids of seeded records are readable slugs ("itv-2020-07-02-cash"); new ones are cuids. */
export const recordId = z
  .string()
  .trim()
  .min(1, "Choose one.")
  .max(120, "An id is at most 120 characters.")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Use lower-case letters, digits and hyphens.");

export const partialDate = z.string().trim().refine(isPartialDate, "Enter a real date as YYYY, YYYY-MM or YYYY-MM-DD.");

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

export function requiredText(max: number, what = "This") {
  return z
    .string()
    .trim()
    .min(1, `${what} is required.`)
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
