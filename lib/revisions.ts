/** Record types as named in the Revision table. */
export type RecordType =
  | "figure"
  | "source"
  | "agency"
  | "ruling"
  | "person"
  | "conflict"
  | "metric"
  | "geography"
  | "agency-kind"
  | "chart"
  /** Only changes to an editor's second factor (never the secret itself); see lib/auth/second-factor.ts. */
  | "editor";

/**
 * The JSON kept in a revision's before/after: the record's own columns, with exact integers
 * (BigInt) written as strings and dates as ISO text, so a snapshot can be restored exactly.
 */
export function snapshot(record: Record<string, unknown>): string {
  return JSON.stringify(record, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}
