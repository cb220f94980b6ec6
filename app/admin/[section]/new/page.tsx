import { notFound } from "next/navigation";
import { RecordForm } from "@/components/admin/record-form";
import { requireEditor } from "@/lib/auth/request";
import { db } from "@/lib/db.server";
import { blankValues, fieldsFor } from "@/lib/admin/form-fields";
import { sectionRecordType } from "@/lib/admin/paths";
import { formOptions } from "@/lib/admin/queries";

export default async function NewRecordPage({ params }: { params: Promise<{ section: string }> }) {
  await requireEditor();
  const recordType = sectionRecordType((await params).section);
  if (!recordType) notFound();
  const fields = fieldsFor(recordType, await formOptions(db));
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">New {recordType}</h1>
      <RecordForm recordType={recordType} fields={fields} initial={blankValues(recordType, fields)} />
    </div>
  );
}
