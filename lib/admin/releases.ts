import type { PrismaClient } from "@/lib/db/client.server";
import type { SignedInEditor } from "@/lib/auth/sessions.server";
import { formatDate } from "@/lib/figures/format";
import { figureRecord, figureSchema } from "@/lib/records/figure";
import { formOptions } from "@/lib/records/form-options";
import { sourceRecord, sourceSchema } from "@/lib/records/source";
import type { Transaction } from "@/lib/records/versioned";
import { metricHintsOf, proposeFigures } from "@/lib/releases/propose";
import {
  MAX_RELEASE_ROWS,
  NEW_SOURCE_PREFIX,
  releaseParts,
  releaseSchema,
  rowOf,
  rowPrefix,
  type Release,
  type ReleaseRow,
} from "@/lib/releases/release-form";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/fields";
import { storedDuplicate } from "./figure-import";
import { record, TRANSACTION_OPTIONS, type Author } from "./records";

export type ReleaseOutcome =
  /** `repeats`: for each row the record already has, by its place, the message saying which. */
  | { status: "proposed"; message: string; rows: ReleaseRow[]; repeats: Record<number, string> }
  | { status: "saved"; message: string; sourceId: string; figureIds: string[] }
  | { status: "invalid"; message: string; fieldErrors: FieldErrors };

const invalid = (message: string, fieldErrors: FieldErrors): ReleaseOutcome => ({
  status: "invalid",
  message,
  fieldErrors,
});

const prefixed = (prefix: string, errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([name, messages]) => [`${prefix}${name}`, messages]));

/** The release's own fields and its source, checked: the source chosen must exist, a new one must be whole. */
async function checkedRelease(db: PrismaClient | Transaction, values: Record<string, string>) {
  const parsed = releaseSchema.safeParse(values);
  const { source, rows } = releaseParts(values);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  let newSource = null;
  if (parsed.success && parsed.data.sourceMode === "existing") {
    const found = parsed.data.sourceId
      ? await db.source.findUnique({ where: { id: parsed.data.sourceId }, select: { id: true } })
      : null;
    if (!found) errors.sourceId = ["Choose the source from the list, or enter a new one."];
  }
  if (parsed.success && parsed.data.sourceMode === "new") {
    const checked = sourceSchema.safeParse(source);
    if (checked.success) newSource = sourceRecord.toData(checked.data);
    else Object.assign(errors, prefixed(NEW_SOURCE_PREFIX, fieldErrorsOf(checked.error)));
  }
  return { release: parsed.success ? parsed.data : null, newSource, rows, errors };
}

/**
 * The figures the passage states, as rows of the form: nothing is written. The parser is
 * lib/releases/propose.ts; the release's date and area go to every row, to be changed where one differs.
 */
export async function proposeRelease(db: PrismaClient, values: Record<string, string>): Promise<ReleaseOutcome> {
  const { release, errors } = await checkedRelease(db, values);
  if (!release || Object.keys(errors).length)
    return invalid("Nothing was proposed: correct the fields marked.", errors);
  const options = await formOptions(db);
  const proposals = proposeFigures(release.passage, metricHintsOf(options.metrics)).slice(0, MAX_RELEASE_ROWS);
  const rows = proposals.map((proposal) => rowOf(proposal, release, options));
  // A release entered twice, or a figure another release already gave: proposed, but unticked.
  const repeats: Record<number, string> = {};
  if (release.sourceMode === "existing" && release.sourceId) {
    for (const [index, row] of rows.entries()) {
      const checked = figureOf(row, release, release.sourceId);
      const repeat = checked.success ? await storedDuplicate(db, figureRecord.toData(checked.data)) : null;
      if (repeat) {
        repeats[index] = repeat;
        row.include = "";
      }
    }
  }
  return {
    status: "proposed",
    repeats,
    message: rows.length
      ? `${rows.length} figure${rows.length === 1 ? "" : "s"} found in the passage: untick any that is not one, correct the rest, then save.`
      : "No figure was found in the passage. Check that it is the release's own words.",
    rows,
  };
}

/** A row ticked for saving, checked as the figure form checks it, with the release's source and agency. */
function figureOf(row: ReleaseRow, release: Release, sourceId: string) {
  return figureSchema.safeParse({ ...row, agencyId: release.agencyId, sourceId, note: "" });
}

/**
 * Saves the source (when new) and every ticked figure as one change: all written in one
 * transaction with the same reason, or none. Each gets its revision, as any save does.
 */
export async function saveRelease(
  db: PrismaClient,
  editor: SignedInEditor,
  values: Record<string, string>,
): Promise<ReleaseOutcome> {
  return db.$transaction((tx) => saveReleaseIn(tx, editor, values), TRANSACTION_OPTIONS).catch(rowsRefused);
}

/** A refused row is found after the source and earlier rows are written: throwing undoes them. */
export function rowsRefused(error: unknown): ReleaseOutcome {
  if (error instanceof RowsRefused) return invalid("Nothing was saved: correct the fields marked.", error.fieldErrors);
  throw error;
}

/**
 * saveRelease inside a transaction of the caller's, which must undo it when it throws
 * (RowsRefused, read by rowsRefused).
 */
export async function saveReleaseIn(
  tx: Transaction,
  editor: Author,
  values: Record<string, string>,
): Promise<ReleaseOutcome> {
  const { release, newSource, rows, errors } = await checkedRelease(tx, values);
  const ticked = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.include === "on");
  if (release && ticked.length === 0) errors.form = ["Tick at least one figure to save."];
  if (ticked.length > MAX_RELEASE_ROWS)
    errors.form = [`At most ${MAX_RELEASE_ROWS} figures at a time; the CSV import takes more.`];
  // The source's id is not known yet for a new one; any id checks the rows' own fields.
  for (const { row, index } of ticked) {
    const checked = release ? figureOf(row, release, release.sourceId ?? "new-source") : null;
    if (checked && !checked.success) Object.assign(errors, prefixed(rowPrefix(index), fieldErrorsOf(checked.error)));
  }
  if (!release || Object.keys(errors).length) return invalid("Nothing was saved: correct the fields marked.", errors);

  let sourceId = release.sourceId ?? "";
  let publisher = "";
  const because = (name: string) => `Release: ${name}${release.reason ? `: ${release.reason}` : ""}`;
  if (newSource) {
    const created = await sourceRecord.store.create(tx, newSource, await sourceRecord.newId(tx, newSource));
    sourceId = created.id;
    publisher = `${newSource.publisher}${newSource.publishedOn ? `, ${formatDate(newSource.publishedOn)}` : ""}`;
    await record(tx, editor, {
      recordType: "source",
      recordId: sourceId,
      action: "create",
      after: created,
      reason: because(publisher),
      kind: "update",
    });
  } else {
    const source = await tx.source.findUniqueOrThrow({
      where: { id: sourceId },
      select: { publisher: true, publishedOn: true },
    });
    publisher = `${source.publisher}${source.publishedOn ? `, ${formatDate(source.publishedOn)}` : ""}`;
  }
  const rowErrors: FieldErrors = {};
  const figureIds: string[] = [];
  for (const { row, index } of ticked) {
    const data = figureRecord.toData(figureOf(row, release, sourceId).data!);
    const references = await figureRecord.checkReferences(tx, data);
    if (references) {
      Object.assign(rowErrors, prefixed(rowPrefix(index), references));
      continue;
    }
    const created = await figureRecord.store.create(tx, data, await figureRecord.newId(tx, data));
    figureIds.push(created.id);
    await record(tx, editor, {
      recordType: "figure",
      recordId: created.id,
      action: "create",
      after: created,
      reason: because(publisher),
      kind: "update",
    });
  }
  // A reference that fails is found inside the transaction; throwing undoes the source and the figures written.
  if (Object.keys(rowErrors).length) throw new RowsRefused(rowErrors);
  return {
    status: "saved",
    message: `Saved ${figureIds.length} figure${figureIds.length === 1 ? "" : "s"} from ${publisher}.`,
    sourceId,
    figureIds,
  };
}

class RowsRefused extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("A figure of the release refers to a record that does not exist.");
  }
}
