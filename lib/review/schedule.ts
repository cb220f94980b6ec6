import { z } from "zod";

/**
 * When a change goes public: now (the field left empty) or at a stated time, typed in the
 * editor's own clock (a `datetime-local` field) with the browser's offset from UTC beside it, so
 * that "09:30" means 09:30 where the editor is, whichever zone the server runs in. One rule for
 * the form in the browser and for the action (decision 0023).
 */

/** How far ahead a change may be set: a release is announced days or weeks ahead, not years. */
export const LATEST_SCHEDULE_DAYS = 366;

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

const TIME_MESSAGE = "Enter a date and time, such as 2026-12-01 09:30.";

/** Minutes west of UTC, as the browser's Date#getTimezoneOffset gives them (London in summer: -60). */
const offset = z.coerce
  .number()
  .int()
  .min(-16 * 60)
  .max(16 * 60)
  .catch(0);

/** The instant a local date and time names, or null when it names none (31 February, 24:00). */
export function instantOf(local: string, offsetMinutes: number): Date | null {
  const match = LOCAL_TIME.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(utc);
  // Date.UTC rolls 31 February over to March: a time it had to roll is not one.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month! - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  )
    return null;
  return new Date(utc + offsetMinutes * 60_000);
}

/**
 * The form's "publish at" fields: an empty time is now (null). A time must be to come, and within
 * LATEST_SCHEDULE_DAYS; `now` is the clock of whoever checks, the browser's or the server's.
 */
export function scheduleSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      publishAt: z.string().max(40, TIME_MESSAGE).optional(),
      publishAtOffset: offset.optional(),
    })
    .transform((form, context) => {
      const text = form.publishAt?.trim() ?? "";
      if (text === "") return null;
      const at = instantOf(text, form.publishAtOffset ?? 0);
      if (!at) {
        context.addIssue({ code: "custom", path: ["publishAt"], message: TIME_MESSAGE });
        return z.NEVER;
      }
      const current = now();
      if (at.getTime() <= current.getTime()) {
        context.addIssue({
          code: "custom",
          path: ["publishAt"],
          message: "That time has passed: choose a time to come, or leave it empty to publish now.",
        });
        return z.NEVER;
      }
      if (at.getTime() > current.getTime() + LATEST_SCHEDULE_DAYS * 86_400_000) {
        context.addIssue({
          code: "custom",
          path: ["publishAt"],
          message: `A change can be set at most ${LATEST_SCHEDULE_DAYS} days ahead.`,
        });
        return z.NEVER;
      }
      return at;
    });
}

/** A time as the admin's lists show it: in UTC, named so, to the second. */
export function formatPublishAt(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
