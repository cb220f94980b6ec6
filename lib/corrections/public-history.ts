import { isUnit } from "@/lib/domain/units";
import { QUALIFIERS, type Qualifier } from "@/lib/domain/vocabulary";
import { formatDate, formatFigure } from "@/lib/figures/format";
import { diffRevision } from "@/lib/admin/history";
import { editableRecord } from "@/lib/records/registry";
import { isChangeKind, type ChangeKind } from "@/lib/records/change";

/**
 * What readers are told of a change (issue #16): its date, what it is, what they read before and
 * after, and the editor's stated reason. Never who made it: a public change names no editor, so
 * nothing here reads the revision's editor, and the queries that feed it never select one.
 */

/** The kinds readers are shown; a fix is kept in the admin's history only. */
export const PUBLIC_KINDS = ["correction", "update"] as const satisfies readonly ChangeKind[];
export type PublicKind = (typeof PUBLIC_KINDS)[number];

/** The record types whose changes readers are shown. */
export type PublicRecordType = "figure" | "chart" | "source";

/** One thing a reader reads differently after the change: "Value: 2,800 → 2,864". */
export type ReaderChange = { what: string; before: string; after: string };

export type PublicChange = {
  /** The revision's number: with the record's address, the change's permanent name. */
  revisionId: number;
  /** ISO time of the change. */
  at: string;
  /** "3 December 2026" */
  dateDisplay: string;
  kind: PublicKind;
  action: "create" | "update" | "delete";
  recordType: PublicRecordType;
  recordId: string;
  /** What the record is called, as it was after the change (before it, for a deletion). */
  title: string;
  /** For a new record: what it says ("2,864"); otherwise null. */
  reported: string | null;
  changes: ReaderChange[];
  reason: string | null;
};

/** A revision as the public queries select it: no editor, ever. */
export type PublicRevisionRow = {
  id: number;
  createdAt: Date;
  recordType: string;
  recordId: string;
  action: string;
  kind: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
};

/** The names readers know for the records a figure points at: areas and sources, by id. */
export type ReaderNames = { areas: Map<string, string>; sources: Map<string, string> };

const dateOfChange = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "3 December 2026": the day of a change, in UTC, as the notices and the feeds say it. */
export function changeDateDisplay(at: Date): string {
  return dateOfChange.format(at);
}

function parse(json: string | null): Record<string, unknown> | null {
  return json ? (JSON.parse(json) as Record<string, unknown>) : null;
}

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value));

function isQualifier(value: string): value is Qualifier {
  return (QUALIFIERS as readonly string[]).includes(value);
}

/** A figure's snapshot as readers read it, field by field, in the order a reader reads a figure. */
function figureAsRead(snapshot: Record<string, unknown>, names: ReaderNames): [string, string][] {
  const unit = text(snapshot.unit);
  const qualifier = text(snapshot.qualifier);
  let value = text(snapshot.valueMinor);
  if (isUnit(unit) && isQualifier(qualifier) && /^-?\d+$/.test(value)) {
    value = formatFigure(BigInt(value), unit, qualifier);
  }
  const asOf = text(snapshot.asOf);
  const area = text(snapshot.geographyId);
  const source = text(snapshot.sourceId);
  return [
    ["Value", value],
    ["Date it describes", asOf ? formatDate(asOf) : ""],
    ["Label", text(snapshot.label)],
    ["Area", names.areas.get(area) ?? area],
    ["Source", names.sources.get(source) ?? source],
    ["The source's words", text(snapshot.quote)],
    ["Note", text(snapshot.note)],
  ];
}

function readerChanges(recordType: PublicRecordType, row: PublicRevisionRow, names: ReaderNames): ReaderChange[] {
  if (recordType === "figure") {
    const before = figureAsRead(parse(row.before) ?? {}, names);
    const after = new Map(figureAsRead(parse(row.after) ?? {}, names));
    return before
      .map(([what, was]) => ({ what, before: was, after: after.get(what) ?? "" }))
      .filter((change) => change.before !== change.after);
  }
  // A chart or a source: the fields its form shows, as they read there, named as the form names them.
  const kind = editableRecord(recordType);
  return diffRevision(row)
    .filter((change) => !(recordType === "chart" && change.field === "dashboardOrder"))
    .map((change) => ({ what: kind.label(change.field), before: change.before, after: change.after }));
}

function titleOf(recordType: PublicRecordType, snapshot: Record<string, unknown>): string {
  if (recordType === "figure") return text(snapshot.label);
  if (recordType === "chart") return text(snapshot.title);
  const title = text(snapshot.title);
  return title ? `${text(snapshot.publisher)}: ${title}` : text(snapshot.publisher);
}

function reportedOf(recordType: PublicRecordType, snapshot: Record<string, unknown>, names: ReaderNames): string {
  if (recordType !== "figure") return titleOf(recordType, snapshot);
  const [value, asOf] = figureAsRead(snapshot, names);
  return `${value?.[1] ?? ""}${asOf?.[1] ? `, as of ${asOf[1]}` : ""}`;
}

function isPublicRecordType(value: string): value is PublicRecordType {
  return value === "figure" || value === "chart" || value === "source";
}

/**
 * The revision as readers are told it, or null when they are not: a fix, a change made before
 * kinds were asked, a change to a record type readers are not shown, or an edit that changed
 * nothing a reader reads (a chart's place on the dashboard).
 */
export function publicChange(row: PublicRevisionRow, names: ReaderNames): PublicChange | null {
  if (!isChangeKind(row.kind) || row.kind === "fix" || !isPublicRecordType(row.recordType)) return null;
  const action = row.action === "create" || row.action === "update" || row.action === "delete" ? row.action : null;
  if (!action) return null;
  const recordType = row.recordType;
  const after = parse(row.after);
  const before = parse(row.before);
  const changes = action === "update" ? readerChanges(recordType, row, names) : [];
  if (action === "update" && changes.length === 0) return null;
  return {
    revisionId: row.id,
    at: row.createdAt.toISOString(),
    dateDisplay: changeDateDisplay(row.createdAt),
    kind: row.kind,
    action,
    recordType,
    recordId: row.recordId,
    title: titleOf(recordType, after ?? before ?? {}),
    reported: action === "create" && after ? reportedOf(recordType, after, names) : null,
    changes,
    reason: row.reason,
  };
}

/** The public address of a record's history. */
export function historyPath(recordType: PublicRecordType, recordId: string, chartSlug?: string): string {
  if (recordType === "chart") return `/charts/${chartSlug ?? recordId}/history`;
  if (recordType === "figure") return `/figures/${recordId}/history`;
  return `/corrections`;
}

/** "Corrected on 3 December 2026", the notice a corrected figure or chart carries for a while. */
export function correctionNotice(at: Date): string {
  return `Corrected on ${changeDateDisplay(at)}`;
}

/** Whether a correction made `at` is still noticed at `now`, for a notice period of `days`. */
export function isNoticed(at: Date, now: Date, days: number): boolean {
  return days > 0 && now.getTime() - at.getTime() < days * 24 * 60 * 60 * 1000;
}
