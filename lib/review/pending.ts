import type { PrismaClient } from "@/lib/db/client.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SignedInEditor } from "@/lib/auth/sessions.server";
import {
  deleteRecordIn,
  saveRecordIn,
  TRANSACTION_OPTIONS,
  type Author,
  type DeleteOutcome,
  type SaveOutcome,
} from "@/lib/admin/records";
import { rowsRefused, saveReleaseIn, type ReleaseOutcome } from "@/lib/admin/releases";
import { importFiguresIn, importSchema, type ImportOutcome } from "@/lib/admin/figure-import";
import { revertRevisionIn, revertSchema, type RevertOutcome } from "@/lib/admin/history";
import { editableRecord, isEditableRecordType, type EditableRecordType } from "@/lib/records/registry";
import type { ReplayedRevision } from "@/lib/as-at/replay";
import { formatPublishAt } from "./schedule";

/**
 * Changes held back from the public record (issue #15, decision 0023): a draft waiting for a
 * second editor, or a change set for a time. A held change is the form's values, checked by a
 * trial of the admin's own save (written, then undone); publishing replays them through that
 * same save, in the transaction that claims the change, so a change goes public once, on one
 * instance, with its revision, or not at all.
 */

export type HeldChange =
  | {
      scope: "record";
      action: "create" | "update" | "delete";
      recordType: EditableRecordType;
      /** Absent for a new record. */
      recordId?: string;
      values: Record<string, unknown>;
    }
  | { scope: "release"; action: "create"; values: Record<string, string> }
  /** A CSV import: the form's CSV, reason and choice of repeats; its rows are checked again when applied. */
  | { scope: "import"; action: "create"; values: Record<string, string> }
  /** The history's revert of one change (`revisionId`), with its kind and reason. */
  | { scope: "revert"; action: "revert"; values: Record<string, string> };

export const PENDING_STATUSES = ["draft", "scheduled", "published", "rejected", "cancelled", "failed"] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];

/** A save's refusal, as the form shows it: a held change is refused exactly as a save would be. */
type Unapplied =
  | Exclude<SaveOutcome, { status: "saved" }>
  | Exclude<DeleteOutcome, { status: "deleted" }>
  | Exclude<ReleaseOutcome, { status: "saved" | "proposed" }>
  | Exclude<ImportOutcome, { status: "imported" }>
  | Exclude<RevertOutcome, { status: "reverted" }>;

export type HoldOutcome =
  { status: "held"; message: string; pendingId: number; pendingStatus: "draft" | "scheduled" } | Unapplied;

export type ReviewOutcome = { status: "done"; message: string } | { status: "refused"; message: string };

export const OWN_APPROVAL_MESSAGE =
  "You made this change, so you cannot approve it: another editor must. You can withdraw it instead.";

/** Thrown to undo a transaction: a change that does not apply, or a trial that did. */
class Undone extends Error {
  constructor(
    readonly outcome: Unapplied | null,
    readonly revisions: ReplayedRevision[] = [],
  ) {
    super("undone");
  }
}

type Applied = SaveOutcome | DeleteOutcome | ReleaseOutcome | ImportOutcome | RevertOutcome;

function isApplied(outcome: Applied): boolean {
  return ["saved", "deleted", "imported", "reverted"].includes(outcome.status);
}

/** The admin's own save of the change, in the caller's transaction. */
async function applyIn(tx: Parameters<typeof saveRecordIn>[0], author: Author, change: HeldChange): Promise<Applied> {
  if (change.scope === "release") return saveReleaseIn(tx, author, change.values);
  // Checked when held; read again here, from the stored form, by the action's own schema.
  if (change.scope === "import") return importFiguresIn(tx, author, importSchema.parse(change.values));
  if (change.scope === "revert") return revertRevisionIn(tx, author, revertSchema.parse(change.values));
  if (change.action === "delete")
    return deleteRecordIn(tx, author, {
      recordType: change.recordType,
      id: change.recordId ?? "",
      values: change.values,
    });
  return saveRecordIn(tx, author, { recordType: change.recordType, id: change.recordId, values: change.values });
}

/** Runs `work` in a transaction that is always undone; its Undone says why, or carries what the trial wrote. */
async function undoneAfter(db: PrismaClient, work: (tx: Parameters<typeof saveRecordIn>[0]) => Promise<never>) {
  try {
    await db.$transaction(work, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof Undone) return error;
    const refusal = rowsRefused(error);
    if (refusal.status === "invalid") return new Undone(refusal);
    throw error;
  }
  throw new Error("A trial transaction must end by undoing itself.");
}

/**
 * Holds a change back: checked by a trial of the save (so a held change is refused for anything a
 * save would be refused for, and its revisions are what the preview shows), then kept as a draft
 * for review or set for `publishAt`.
 */
export async function holdChange(
  db: PrismaClient,
  author: SignedInEditor,
  change: HeldChange,
  /** `summary`: what the change is, where its form says more than the save it makes (a chart's publishing). */
  hold: { review: boolean; publishAt: Date | null; summary?: string },
): Promise<HoldOutcome> {
  const trial = await undoneAfter(db, async (tx) => {
    const latest = (await tx.revision.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const outcome = await applyIn(tx, author, change);
    if (!isApplied(outcome)) throw new Undone(outcome as Unapplied);
    const revisions = await tx.revision.findMany({
      where: { id: { gt: latest }, editorId: author.id },
      select: { recordType: true, recordId: true, action: true, after: true },
      orderBy: { id: "asc" },
    });
    throw new Undone(null, revisions);
  });
  if (trial.outcome) return trial.outcome;

  const status = hold.review ? "draft" : "scheduled";
  const values = change.values;
  const created = await db.pendingChange.create({
    data: {
      scope: change.scope,
      recordType: change.scope === "record" ? change.recordType : null,
      recordId: change.scope === "record" ? (change.recordId ?? null) : null,
      action: change.action,
      values: JSON.stringify(values),
      baseVersion: typeof values.version === "string" && values.version ? Number(values.version) || null : null,
      changeKind: typeof values.changeKind === "string" && values.changeKind ? values.changeKind : null,
      reason: typeof values.reason === "string" && values.reason.trim() ? values.reason.trim() : null,
      summary: hold.summary ?? summaryOf(change, trial.revisions),
      preview: JSON.stringify(trial.revisions),
      authorId: author.id,
      status,
      publishAt: hold.publishAt,
    },
    select: { id: true },
  });
  const at = hold.publishAt ? formatPublishAt(hold.publishAt) : null;
  return {
    status: "held",
    pendingId: created.id,
    pendingStatus: status,
    message: hold.review
      ? `Submitted for review: readers see nothing of it until another editor approves it${at ? ` (then at ${at})` : ""}.`
      : `Set to go public at ${at}. Readers see nothing of it until then.`,
  };
}

/** What the change is, in the admin's words: "Change to figure itv-2020-07-02-cash". */
function summaryOf(change: HeldChange, revisions: ReplayedRevision[]): string {
  const figures = revisions.filter((revision) => revision.recordType === "figure").length;
  const counted = `${figures} figure${figures === 1 ? "" : "s"}`;
  if (change.scope === "release") {
    const source = revisions.find((revision) => revision.recordType === "source");
    return `Release: ${counted}${source ? " and a new source" : ""}`;
  }
  if (change.scope === "import") return `CSV import of ${counted}`;
  if (change.scope === "revert") {
    const undone = revisions[0];
    const what = undone && isEditableRecordType(undone.recordType) ? editableRecord(undone.recordType).noun : "record";
    return `Revert of change #${change.values.revisionId} (${what} ${undone?.recordId ?? ""})`;
  }
  const { noun } = editableRecord(change.recordType);
  if (change.action === "delete") return `Deletion of ${noun} ${change.recordId}`;
  if (change.action === "update") return `Change to ${noun} ${change.recordId}`;
  const after = revisions[0]?.after ? (JSON.parse(revisions[0].after) as Record<string, unknown>) : {};
  const name = [after.label, after.title, after.name].find((value) => typeof value === "string");
  return `New ${noun}${name ? `: ${String(name)}` : ""}`;
}

/** The change a stored row holds. */
export function heldChangeOf(row: {
  scope: string;
  action: string;
  recordType: string | null;
  recordId: string | null;
  values: string;
}): HeldChange {
  const values = JSON.parse(row.values) as Record<string, string>;
  if (row.scope === "release" || row.scope === "import") return { scope: row.scope, action: "create", values };
  if (row.scope === "revert") return { scope: "revert", action: "revert", values };
  const recordType = row.recordType ?? undefined;
  if (!isEditableRecordType(recordType)) throw new Error(`A held change names an unknown record type: ${recordType}.`);
  const action = row.action === "delete" || row.action === "update" ? row.action : "create";
  return { scope: "record", action, recordType, recordId: row.recordId ?? undefined, values };
}

export type PublishOutcome =
  | { status: "published"; message: string }
  /** Another instance or editor took it first, or it is no longer in the state claimed. */
  | { status: "taken" }
  | { status: "refused"; message: string };

/**
 * Claims a held change and applies it, in one transaction: the claim is a conditional update on
 * its status, so of two instances (or two reviewers) one claims it and the other finds it taken;
 * a change that no longer applies undoes the claim too, and the refusal says why.
 */
export async function publishHeld(
  db: PrismaClient,
  id: number,
  claim: Prisma.PendingChangeWhereInput,
  reviewed: { reviewerId?: string; reviewedAt?: Date } = {},
  now: Date = new Date(),
): Promise<PublishOutcome> {
  try {
    return await db.$transaction(async (tx): Promise<PublishOutcome> => {
      const { count } = await tx.pendingChange.updateMany({
        where: { ...claim, id },
        data: { status: "published", publishedAt: now, failure: null, ...reviewed },
      });
      if (count === 0) return { status: "taken" };
      const held = await tx.pendingChange.findUniqueOrThrow({
        where: { id },
        include: { author: { select: { role: true } } },
      });
      // Published as its author's, with the author's role now: an admin's vocabulary change
      // stays an admin's to make.
      const role = held.author.role === "admin" ? "admin" : "editor";
      const outcome = await applyIn(tx, { id: held.authorId, role }, heldChangeOf(held));
      if (!isApplied(outcome)) throw new Undone(outcome as Unapplied);
      return { status: "published", message: `${held.summary}: public now.` };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    const undone = error instanceof Undone ? error : new Undone(rowsRefused(error) as Unapplied);
    return { status: "refused", message: whyNotApplied(undone.outcome!) };
  }
}

/** A refusal at publishing, in words an editor can act on: nothing public was changed. */
function whyNotApplied(outcome: Unapplied): string {
  switch (outcome.status) {
    case "conflict":
      return `The record was changed since this change was made (it is now at version ${outcome.version}): nothing was overwritten. Make the change again from the record as it is now.`;
    case "invalid": {
      const problems = Object.values(outcome.fieldErrors).flat();
      return `It no longer fits the record, so nothing was changed: ${problems.join(" ") || outcome.message}`;
    }
    default:
      return `Nothing was changed: ${outcome.message}`;
  }
}

const refused = (message: string): ReviewOutcome => ({ status: "refused", message });

const notWaiting = (status: string) =>
  refused(`This change is no longer waiting: it is ${status === "published" ? "public" : status}.`);

/**
 * Another editor's approval: the change goes public now, or is set for the time its author
 * asked. The author's own approval is refused here and in the claim's condition, whatever the
 * page showed.
 */
export async function approveChange(
  db: PrismaClient,
  reviewer: SignedInEditor,
  id: number,
  now: Date = new Date(),
): Promise<ReviewOutcome> {
  const held = await db.pendingChange.findUnique({
    where: { id },
    select: { authorId: true, status: true, publishAt: true },
  });
  if (!held) return refused("That change does not exist.");
  if (held.authorId === reviewer.id) return refused(OWN_APPROVAL_MESSAGE);
  if (held.status !== "draft") return notWaiting(held.status);
  const claim = { status: "draft", authorId: { not: reviewer.id } };
  const reviewed = { reviewerId: reviewer.id, reviewedAt: now };
  if (held.publishAt && held.publishAt > now) {
    const { count } = await db.pendingChange.updateMany({
      where: { ...claim, id },
      data: { status: "scheduled", ...reviewed },
    });
    if (count === 0) return refused("Someone else reviewed this change first.");
    return { status: "done", message: `Approved: it goes public at ${formatPublishAt(held.publishAt)}.` };
  }
  const outcome = await publishHeld(db, id, claim, reviewed, now);
  if (outcome.status === "taken") return refused("Someone else reviewed this change first.");
  if (outcome.status === "refused") return outcome;
  return { status: "done", message: `Approved. ${outcome.message}` };
}

/** Another editor's refusal, with the reason the author reads. */
export async function rejectChange(
  db: PrismaClient,
  reviewer: SignedInEditor,
  rejection: { id: number; reason: string },
  now: Date = new Date(),
): Promise<ReviewOutcome> {
  const held = await db.pendingChange.findUnique({
    where: { id: rejection.id },
    select: { authorId: true, status: true },
  });
  if (!held) return refused("That change does not exist.");
  if (held.authorId === reviewer.id) return refused("You made this change: withdraw it rather than reject it.");
  const { count } = await db.pendingChange.updateMany({
    where: { id: rejection.id, status: "draft" },
    data: { status: "rejected", reviewerId: reviewer.id, reviewedAt: now, rejectionReason: rejection.reason },
  });
  if (count === 0) return notWaiting(held.status);
  return { status: "done", message: "Rejected. Its author sees your reason in the review list." };
}

/** A draft withdrawn, or a scheduled change called off: nothing of it goes public. */
export async function cancelChange(db: PrismaClient, editor: SignedInEditor, id: number): Promise<ReviewOutcome> {
  const held = await db.pendingChange.findUnique({ where: { id }, select: { authorId: true, status: true } });
  if (!held) return refused("That change does not exist.");
  // A draft is its author's to withdraw; another editor rejects it, with a reason.
  if (held.status === "draft" && held.authorId !== editor.id)
    return refused("Only its author can withdraw a draft: reject it, with a reason, instead.");
  const { count } = await db.pendingChange.updateMany({
    where: { id, status: { in: ["draft", "scheduled", "failed"] } },
    data: { status: "cancelled", reviewedAt: new Date() },
  });
  if (count === 0) return notWaiting(held.status);
  return { status: "done", message: "Cancelled: nothing of it will go public." };
}

/** A scheduled change (or a draft's asked-for time) moved to another time. */
export async function moveChange(
  db: PrismaClient,
  _editor: SignedInEditor,
  move: { id: number; publishAt: Date },
): Promise<ReviewOutcome> {
  const { count } = await db.pendingChange.updateMany({
    where: { id: move.id, status: { in: ["draft", "scheduled"] } },
    data: { publishAt: move.publishAt },
  });
  if (count === 0) return refused("This change is no longer waiting, so it cannot be moved.");
  return { status: "done", message: `Moved: it goes public at ${formatPublishAt(move.publishAt)}.` };
}

/**
 * Publishes every scheduled change whose time has come, oldest first; a change that no longer
 * applies is marked failed with the reason, for the admin's list. Returns how many went public.
 */
export async function publishDue(db: PrismaClient, now: Date = new Date()): Promise<number> {
  const due = await db.pendingChange.findMany({
    where: { status: "scheduled", publishAt: { lte: now } },
    select: { id: true },
    orderBy: [{ publishAt: "asc" }, { id: "asc" }],
  });
  let published = 0;
  for (const { id } of due) {
    const outcome = await publishHeld(db, id, { status: "scheduled", publishAt: { lte: now } }, {}, now);
    if (outcome.status === "published") published += 1;
    if (outcome.status === "refused")
      await db.pendingChange.updateMany({
        where: { id, status: "scheduled" },
        data: { status: "failed", failure: outcome.message },
      });
  }
  return published;
}

/** When the next scheduled change is due, or null when none is. */
export async function nextDue(db: PrismaClient): Promise<Date | null> {
  const next = await db.pendingChange.findFirst({
    where: { status: "scheduled" },
    select: { publishAt: true },
    orderBy: { publishAt: "asc" },
  });
  return next?.publishAt ?? null;
}

/** A held change as the admin's lists and its preview name it. */
export type HeldSummary = {
  id: number;
  summary: string;
  status: PendingStatus;
  author: string;
  reviewer: string | null;
  createdAt: Date;
  publishAt: Date | null;
  reason: string | null;
  rejectionReason: string | null;
  failure: string | null;
};

/** The review page's lists: what waits (drafts, scheduled, failed), then the latest decided. */
export async function listPendingChanges(db: PrismaClient): Promise<{ open: HeldSummary[]; decided: HeldSummary[] }> {
  const select = {
    id: true,
    summary: true,
    status: true,
    reason: true,
    createdAt: true,
    publishAt: true,
    rejectionReason: true,
    failure: true,
    author: { select: { name: true } },
    reviewer: { select: { name: true } },
  } as const;
  const [open, decided] = await Promise.all([
    db.pendingChange.findMany({
      where: { status: { in: ["draft", "scheduled", "failed"] } },
      select,
      orderBy: [{ publishAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    }),
    db.pendingChange.findMany({
      where: { status: { in: ["published", "rejected", "cancelled"] } },
      select,
      orderBy: { updatedAt: "desc" },
      take: 20,
    }),
  ]);
  const entry = ({ author, reviewer, status, ...row }: (typeof open)[number]): HeldSummary => ({
    ...row,
    status: status as PendingStatus,
    author: author.name,
    reviewer: reviewer?.name ?? null,
  });
  return { open: open.map(entry), decided: decided.map(entry) };
}
