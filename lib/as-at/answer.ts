import type { AsAt } from "./read.server";

/**
 * How a download says which record it holds. The live record may be kept a minute by a CDN (an
 * edit clears this server's copy at once); a settled view never changes, so it may be kept a year.
 * The record as at today follows today's edits, so it is kept no longer than the live one.
 */
export function asAtCacheControl(asAt: AsAt | null): string {
  return asAt?.settled ? "public, max-age=31536000, immutable" : "public, max-age=0, s-maxage=60";
}

/** What a JSON answer says of the view it holds: the day, the revision replayed and when it was made. */
export function asAtJson(asAt: AsAt): { date: string; revision: number; revisedAt: string } {
  return { date: asAt.date, revision: asAt.revision, revisedAt: asAt.revisedAt };
}

/** A CSV holds no comment line, so its headers say which revision it replays. */
export function asAtHeaders(asAt: AsAt | null): Record<string, string> {
  return asAt ? { "X-Record-Revision": String(asAt.revision), "X-Record-As-At": asAt.date } : {};
}

/** "figures.csv" as at a day: "figures-as-at-2026-11-30.csv"; as at a revision: "figures-as-at-revision-42.csv". */
export function asAtFileName(name: string, extension: string, asAt: AsAt | null): string {
  if (!asAt) return `${name}.${extension}`;
  const when = /^\d+$/.test(asAt.at) ? `revision-${asAt.at}` : asAt.at;
  return `${name}-as-at-${when}.${extension}`;
}
