import Link from "next/link";
import { RevertButton } from "@/components/admin/revert-button";
import { requireEditor } from "@/lib/auth/request";
import { db } from "@/lib/db.server";
import { fieldsFor } from "@/lib/admin/form-fields";
import { listRevisions } from "@/lib/admin/history";
import { ADMIN_SECTIONS, isEditableRecordType, recordPath } from "@/lib/admin/paths";
import { listEditors } from "@/lib/admin/queries";

export const metadata = { title: "History" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) =>
  typeof value === "string" && value ? value.slice(0, 200) : undefined;
/** The names editors know the fields by, as their forms label them. */
const NO_OPTIONS = { metrics: [], geographies: [], agencies: [], sources: [] };
function fieldLabel(recordType: string, field: string): string {
  if (!isEditableRecordType(recordType)) return field;
  return fieldsFor(recordType, NO_OPTIONS).find((spec) => spec.name === field)?.label ?? field;
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function HistoryPage({ searchParams }: Props) {
  await requireEditor();
  const query = await searchParams;
  const filter = { recordType: one(query.recordType), recordId: one(query.recordId), editorId: one(query.editorId) };
  const [revisions, editors] = [await listRevisions(db, filter), await listEditors(db)];
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">History</h1>
      <p className="mb-4">Every change, newest first. A revert is itself a new change, recorded here.</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="recordType" className="block font-semibold">
            Record type
          </label>
          <select
            id="recordType"
            name="recordType"
            defaultValue={filter.recordType ?? ""}
            className="rounded border border-black/30 px-2 py-1.5 dark:border-white/30"
          >
            <option value="">All</option>
            {Object.keys(ADMIN_SECTIONS).map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="recordId" className="block font-semibold">
            Record id
          </label>
          <input
            id="recordId"
            name="recordId"
            defaultValue={filter.recordId ?? ""}
            className="rounded border border-black/30 px-2 py-1.5 dark:border-white/30"
          />
        </div>
        <div>
          <label htmlFor="editorId" className="block font-semibold">
            Editor
          </label>
          <select
            id="editorId"
            name="editorId"
            defaultValue={filter.editorId ?? ""}
            className="rounded border border-black/30 px-2 py-1.5 dark:border-white/30"
          >
            <option value="">Anyone</option>
            {editors.map((editor) => (
              <option key={editor.id} value={editor.id}>
                {editor.name} ({editor.email})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-current px-3 py-1.5">
          Filter
        </button>
      </form>
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
              {when.format(new Date(revision.createdAt))} UTC by {revision.editor}
              {revision.revertsId ? ` · reverts #${revision.revertsId}` : ""}
            </p>
            {revision.reason ? <p className="mt-1">Reason: {revision.reason}</p> : null}
            {revision.changes.length ? (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="sr-only">Fields changed by #{revision.id}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="border-b p-1">
                        Field
                      </th>
                      <th scope="col" className="border-b p-1">
                        Before
                      </th>
                      <th scope="col" className="border-b p-1">
                        After
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {revision.changes.map((change) => (
                      <tr key={change.field}>
                        <th scope="row" className="border-b p-1 font-normal">
                          {fieldLabel(revision.recordType, change.field)}
                        </th>
                        <td className="border-b p-1">
                          <del className="break-all">{change.before}</del>
                        </td>
                        <td className="border-b p-1">
                          <ins className="break-all no-underline">{change.after}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {revision.revertible ? (
              <div className="mt-2">
                <RevertButton revisionId={revision.id} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
