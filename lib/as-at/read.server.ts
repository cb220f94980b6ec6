import { untilChange } from "@/lib/data/until-change.server";
import { db } from "@/lib/db.server";
import { sourceSummarySelect } from "@/lib/figures/view";
import { asAtValue, dayOf, endOfDay, parseAsAt, type AsAtAsked } from "./param";
import { REPLAYED_TYPES, replayRecord, type RecordAsAt, type ReplayedRevision } from "./replay";

/** The revision a view of the record as it stood replays, and how it was asked for. */
export type AsAt = {
  /** The value of `at` that asks for this view again ("2026-11-30" or "42"). */
  at: string;
  /** The day asked for, or the day (UTC) of the revision asked for. */
  date: string;
  /** The last revision the view includes. */
  revision: number;
  /** When that revision was made, as ISO text. */
  revisedAt: string;
  /**
   * Whether the view can never change: a revision number, or a day that has ended. The record
   * as at today follows the edits still to come today.
   */
  settled: boolean;
};

export type AsAtFound = { ok: true; asAt: AsAt | null } | { ok: false; message: string };

/**
 * What `?at=` asks for, checked against the revision log: null for the live record, or the
 * revision the view replays. A day before the record began, a day still to come, or a revision
 * the log does not hold is refused with a sentence a reader can act on.
 */
export async function findAsAt(value: string | null | undefined, now: Date = new Date()): Promise<AsAtFound> {
  const param = parseAsAt(value);
  if (!param.ok) return param;
  if (param.asked === null) return { ok: true, asAt: null };
  return resolve(param.asked, now);
}

/** The revisions that change what readers see: not an editor's account (its second factor), say. */
const PUBLIC_CHANGES = { recordType: { in: [...REPLAYED_TYPES, "chart"] } };

async function resolve(asked: AsAtAsked, now: Date): Promise<AsAtFound> {
  const first = await db.revision.findFirst({
    where: PUBLIC_CHANGES,
    select: { createdAt: true },
    orderBy: { id: "asc" },
  });
  if (!first)
    return { ok: false, message: "The record has no revisions yet, so there is nothing to show as at any time." };
  const began = dayOf(first.createdAt);
  if ("revision" in asked) {
    const revision = await db.revision.findUnique({ where: { id: asked.revision }, select: { createdAt: true } });
    if (!revision) {
      const latest = await db.revision.findFirst({ select: { id: true }, orderBy: { id: "desc" } });
      return {
        ok: false,
        message: `There is no revision ${asked.revision} of the record: its latest is revision ${latest?.id ?? 0}.`,
      };
    }
    return {
      ok: true,
      asAt: {
        at: asAtValue(asked),
        date: dayOf(revision.createdAt),
        revision: asked.revision,
        revisedAt: revision.createdAt.toISOString(),
        settled: true,
      },
    };
  }
  const today = dayOf(now);
  if (asked.date > today) {
    return {
      ok: false,
      message: `${asked.date} has not come yet: the record can be shown as at ${today} at the latest.`,
    };
  }
  if (asked.date < began) {
    return { ok: false, message: `The record began on ${began}: there is no record as at ${asked.date}.` };
  }
  const last = await db.revision.findFirst({
    where: { ...PUBLIC_CHANGES, createdAt: { lt: endOfDay(asked.date) } },
    select: { id: true, createdAt: true },
    orderBy: { id: "desc" },
  });
  if (!last) return { ok: false, message: `The record began on ${began}: there is no record as at ${asked.date}.` };
  return {
    ok: true,
    asAt: {
      at: asked.date,
      date: asked.date,
      revision: last.id,
      revisedAt: last.createdAt.toISOString(),
      settled: asked.date < today,
    },
  };
}

/** The days the "as at" choice offers: from the record's first to today (UTC). */
export async function fetchAsAtDays(now: Date = new Date()): Promise<{ firstDay: string | null; today: string }> {
  const first = await untilChange("as at: the record's first revision", () =>
    db.revision.findFirst({ where: PUBLIC_CHANGES, select: { createdAt: true }, orderBy: { id: "asc" } }),
  );
  return { firstDay: first ? dayOf(first.createdAt) : null, today: dayOf(now) };
}

// The record after a revision never changes (the log is append-only), so a replay is kept by its
// revision number. A few are enough: readers of a past view mostly read the same day's.
const KEPT_REPLAYS = 4;
const store = globalThis as unknown as { veneticReplays?: Map<number, Promise<RecordAsAt>> };
const replays = (store.veneticReplays ??= new Map<number, Promise<RecordAsAt>>());

/**
 * Forgets the kept replays. A revision's replay cannot change, but the database under it can (a
 * restored backup, a test's fresh database), so it is forgotten with everything else on a change.
 */
export function forgetReplays(): void {
  replays.clear();
}

/** The public record as it stood just after `revision`: one read of the log, one of each named table. */
export function fetchRecordAsAt(revision: number): Promise<RecordAsAt> {
  const kept = replays.get(revision);
  if (kept) {
    // Most recently used last, so the oldest goes first.
    replays.delete(revision);
    replays.set(revision, kept);
    return kept;
  }
  const replay = readRecordAsAt(revision);
  replays.set(revision, replay);
  replay.catch(() => replays.delete(revision));
  if (replays.size > KEPT_REPLAYS) replays.delete(replays.keys().next().value!);
  return replay;
}

/**
 * The public record as it is, with changes not yet made replayed over it: what a held change's
 * private preview shows (decision 0023). Read afresh each time and never kept: it is no revision's.
 */
export async function fetchRecordWith(writes: ReplayedRevision[]): Promise<RecordAsAt> {
  const latest = await db.revision.findFirst({ select: { id: true }, orderBy: { id: "desc" } });
  return readRecordAsAt(latest?.id ?? 0, writes);
}

async function readRecordAsAt(revision: number, writes: ReplayedRevision[] = []): Promise<RecordAsAt> {
  const [revisions, metrics, geographies, agencies, sources] = await Promise.all([
    db.revision.findMany({
      where: { recordType: { in: [...REPLAYED_TYPES] }, id: { lte: revision } },
      select: { recordType: true, recordId: true, action: true, after: true },
      orderBy: { id: "asc" },
    }),
    db.metric.findMany({ select: { id: true, label: true, kind: true } }),
    db.geography.findMany({ select: { id: true, label: true } }),
    db.agency.findMany({ select: { id: true, name: true, shortName: true, country: true } }),
    db.source.findMany({ select: sourceSummarySelect }),
  ]);
  return replayRecord([...revisions, ...writes], { metrics, geographies, agencies, sources });
}
