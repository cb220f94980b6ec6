import { notFound } from "next/navigation";
import { AdminsOnly } from "@/components/admin/admins-only";
import { RecordForm } from "@/components/admin/record-form";
import { StatusMessage } from "@/components/admin/status-message";
import { loadRecordForm } from "@/lib/admin/queries.server";
import { mayChange } from "@/lib/admin/records";
import { requireEditor } from "@/lib/auth/request.server";
import { reviewBeforePublishing } from "@/lib/review/setting.server";
import { db } from "@/lib/db.server";
import { FIGURE_FIELDS_KEPT_FOR_ANOTHER, metricUnitsOf } from "@/lib/records/figure";
import { formOptions } from "@/lib/records/form-options";
import { editableRecord, sectionRecordType } from "@/lib/records/registry";

type Props = {
  params: Promise<{ section: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * A new record's form. A figure may start from another (`?from=<id>`): all of it, to duplicate it,
 * or with `&keep=source` only what the next figure of the same release shares.
 */
export default async function NewRecordPage({ params, searchParams }: Props) {
  const signedIn = await requireEditor();
  const recordType = sectionRecordType((await params).section);
  if (!recordType) notFound();
  const query = await searchParams;
  const section = editableRecord(recordType);
  const { noun, formFields, blankValues } = section;
  if (!mayChange(signedIn, section)) {
    return (
      <div>
        <h1 className="mb-4 font-serif text-3xl font-bold">New {noun}</h1>
        <AdminsOnly plural={section.plural} />
      </div>
    );
  }
  const options = await formOptions(db);
  const from =
    recordType === "figure" && typeof query.from === "string" ? await loadRecordForm(db, "figure", query.from) : null;
  const kept = from
    ? query.keep === "source"
      ? Object.fromEntries(FIGURE_FIELDS_KEPT_FOR_ANOTHER.map((name) => [name, from.values[name] ?? ""]))
      : from.values
    : {};
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">New {noun}</h1>
      {from && query.saved !== undefined ? (
        <StatusMessage tone="success">
          Saved. This next figure starts with the same source, date, area, agency and words.
        </StatusMessage>
      ) : from ? (
        <StatusMessage tone="success">A copy of {query.from}: change what differs, then create it.</StatusMessage>
      ) : null}
      <RecordForm
        review={reviewBeforePublishing()}
        recordType={recordType}
        fields={formFields(options)}
        initial={{ ...blankValues(), ...kept }}
        {...(recordType === "chart" ? { chartPreview: null } : {})}
        {...(recordType === "figure" ? { metricUnits: metricUnitsOf(options) } : {})}
      />
    </div>
  );
}
