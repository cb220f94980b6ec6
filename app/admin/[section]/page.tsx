import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusMessage } from "@/components/admin/status-message";
import { FilterBar, FilterChoice, FilterText } from "@/components/admin/filter-bar";
import { requireEditor } from "@/lib/auth/request.server";
import { db } from "@/lib/db.server";
import { AdminsOnly } from "@/components/admin/admins-only";
import { listFilterChoices, listRecords } from "@/lib/admin/queries.server";
import { mayChange } from "@/lib/admin/records";
import { LIST_SIZE, SEARCH_LENGTH } from "@/lib/records/define";
import { editableRecord, recordPath, sectionRecordType } from "@/lib/records/registry";

type Props = {
  params: Promise<{ section: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function RecordListPage({ params, searchParams }: Props) {
  const signedIn = await requireEditor();
  const recordType = sectionRecordType((await params).section);
  if (!recordType) notFound();
  const query = await searchParams;
  const section = editableRecord(recordType);
  const filter = section.list.filter;
  const kind = one(query.kind);
  const q = one(query.q) ?? "";
  const choices = await listFilterChoices(db, recordType);
  const records = await listRecords(db, recordType, { q, kind }, choices);
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">{section.plural}</h1>
      {query.deleted !== undefined ? (
        <StatusMessage tone="success">Deleted. The public pages no longer show it.</StatusMessage>
      ) : null}
      {mayChange(signedIn, section) ? (
        <p className="mb-4">
          <Link href={`${section.path}/new`}>New {section.noun}</Link>
        </p>
      ) : (
        <AdminsOnly plural={section.plural} />
      )}
      <FilterBar search>
        <FilterText name="q" label="Search" defaultValue={q} maxLength={SEARCH_LENGTH} />
        {filter ? (
          <FilterChoice
            name="kind"
            label={filter.label}
            defaultValue={kind ?? ""}
            anyLabel="All"
            choices={Object.entries(choices)}
          />
        ) : null}
      </FilterBar>
      <p className="mb-2 text-sm" role="status">
        {records.length === LIST_SIZE ? `The first ${LIST_SIZE} matches` : `${records.length} found`}
      </p>
      <ul className="divide-y divide-black/10 dark:divide-white/15">
        {records.map((record) => (
          <li key={record.id} className="py-2">
            <Link href={recordPath(recordType, record.id)} className="font-semibold">
              {record.title}
            </Link>
            <p className="text-sm text-ink-muted dark:text-ink-inverse/70">{record.detail}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
