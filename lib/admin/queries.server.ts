import type { PrismaClient } from "@/lib/db/client.server";
import { SEARCH_LENGTH, type FormValues, type OverviewRow, type RecordListItem } from "@/lib/records/define";
import { EDITABLE_RECORD_TYPES, editableRecord, type EditableRecordType } from "@/lib/records/registry";

/** What the admin's list pages read, for any record type: each type says how in its own file. */

/** The choices of an admin list's filter, or none for a list without one. */
export async function listFilterChoices(
  db: PrismaClient,
  recordType: EditableRecordType,
): Promise<Record<string, string>> {
  const choices = editableRecord(recordType).list.filter?.choices ?? {};
  return typeof choices === "function" ? choices(db) : choices;
}

/** An admin list's search and filter as the address gave them; anything else is ignored. */
export async function listRecords(
  db: PrismaClient,
  recordType: EditableRecordType,
  filter: { q?: string; kind?: string },
  choices: Record<string, string>,
): Promise<RecordListItem[]> {
  const { list } = editableRecord(recordType);
  const q = filter.q?.trim().slice(0, SEARCH_LENGTH) || undefined;
  const kind = filter.kind && Object.hasOwn(choices, filter.kind) ? filter.kind : undefined;
  return list.find(db, { q, kind });
}

/** The overview's lines, each with the admin list it counts and where to add another. */
export async function overviewRows(
  db: PrismaClient,
): Promise<(OverviewRow & { recordType: EditableRecordType; list: string; create: string })[]> {
  const rows = [];
  for (const recordType of EDITABLE_RECORD_TYPES) {
    const { path, overview } = editableRecord(recordType);
    for (const row of await overview(db)) {
      rows.push({ ...row, recordType, list: `${path}${row.query ?? ""}`, create: `${path}/new` });
    }
  }
  return rows;
}

/** A record as its edit form shows it, with the version the save must match. */
export async function loadRecordForm(
  db: PrismaClient,
  recordType: EditableRecordType,
  id: string,
): Promise<{ values: FormValues; version: number } | null> {
  const kind = editableRecord(recordType);
  const found = await kind.store.find(db, id);
  return found ? { values: kind.toFormValues(found), version: found.version } : null;
}

export async function listEditors(db: PrismaClient) {
  return db.editor.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
