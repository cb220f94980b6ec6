import Link from "next/link";
import { ChangeTable } from "@/components/admin/change-table";
import { RevertButton } from "@/components/admin/revert-button";
import { FilterBar, FilterChoice, FilterText } from "@/components/admin/filter-bar";
import { requireEditor } from "@/lib/auth/request.server";
import { db } from "@/lib/db.server";
import { listRevisions, revertKindOf } from "@/lib/admin/history";
import { listEditors } from "@/lib/admin/queries.server";
import { mayChange } from "@/lib/admin/records";
import { reviewBeforePublishing } from "@/lib/review/setting.server";
import { EDITABLE_RECORD_TYPES, editableRecord, isEditableRecordType, recordPath } from "@/lib/records/registry";

export const metadata = { title: "History" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) =>
  typeof value === "string" && value ? value.slice(0, 200) : undefined;
/** The names editors know the fields by, as their forms label them. */
function fieldLabel(recordType: string, field: string): string {
  return isEditableRecordType(recordType) ? editableRecord(recordType).label(field) : field;
}

const KIND_LABELS = { correction: "Correction ·", update: "Update ·", fix: "Fix ·" } as const;

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function HistoryPage({ searchParams }: Props) {
  const signedIn = await requireEditor();
  const query = await searchParams;
  const filter = { recordType: one(query.recordType), recordId: one(query.recordId), editorId: one(query.editorId) };
  const [revisions, editors] = [await listRevisions(db, filter), await listEditors(db)];
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">History</h1>
      <p className="mb-4">Every change, newest first. A revert is itself a new change, recorded here.</p>
      <FilterBar>
        <FilterChoice
          name="recordType"
          label="Record type"
          defaultValue={filter.recordType ?? ""}
          anyLabel="All"
          choices={EDITABLE_RECORD_TYPES.map((type) => [type, type])}
        />
        <FilterText name="recordId" label="Record id" defaultValue={filter.recordId ?? ""} />
        <FilterChoice
          name="editorId"
          label="Editor"
          defaultValue={filter.editorId ?? ""}
          anyLabel="Anyone"
          choices={editors.map((editor) => [editor.id, `${editor.name} (${editor.email})`])}
        />
      </FilterBar>
      {revisions.length === 0 ? <p>No changes match.</p> : null}
      <ol aria-label="Changes" className="space-y-6">
        {revisions.map((revision) => (
          <li
            key={revision.id}
            aria-labelledby={`change-${revision.id}`}
            className="border-b border-black/10 pb-4 dark:border-white/15"
          >
            <h2 id={`change-${revision.id}`} className="font-semibold">
              #{revision.id}: {revision.action} {revision.recordType}{" "}
              {isEditableRecordType(revision.recordType) && revision.action !== "delete" ? (
                <Link href={recordPath(revision.recordType, revision.recordId)}>{revision.recordId}</Link>
              ) : (
                <code>{revision.recordId}</code>
              )}
            </h2>
            <p className="text-sm text-ink-muted dark:text-ink-inverse/70">
              {revision.kind ? <strong className="mr-1 font-semibold">{KIND_LABELS[revision.kind]}</strong> : null}
              {when.format(new Date(revision.createdAt))} UTC by {revision.editor}
              {revision.revertsId ? ` · reverts #${revision.revertsId}` : ""}
            </p>
            {revision.reason ? <p className="mt-1">Reason: {revision.reason}</p> : null}
            {revision.changes.length ? (
              <ChangeTable
                className="mt-2"
                caption={`Fields changed by #${revision.id}`}
                captionHidden
                columns={["Field", "Before", "After"]}
                rows={revision.changes.map((change) => ({
                  key: change.field,
                  cells: [
                    fieldLabel(revision.recordType, change.field),
                    <del key="before" className="break-all">
                      {change.before}
                    </del>,
                    <ins key="after" className="break-all no-underline">
                      {change.after}
                    </ins>,
                  ],
                }))}
              />
            ) : null}
            {revision.revertible &&
            isEditableRecordType(revision.recordType) &&
            mayChange(signedIn, editableRecord(revision.recordType)) ? (
              <div className="mt-2">
                <RevertButton
                  revisionId={revision.id}
                  kind={revertKindOf(revision.kind)}
                  review={reviewBeforePublishing()}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
