import { notFound } from "next/navigation";
import { RecordForm } from "@/components/admin/record-form";
import { requireEditor } from "@/lib/auth/request.server";
import { db } from "@/lib/db.server";
import { formOptions } from "@/lib/records/form-options";
import { editableRecord, sectionRecordType } from "@/lib/records/registry";

export default async function NewRecordPage({ params }: { params: Promise<{ section: string }> }) {
  await requireEditor();
  const recordType = sectionRecordType((await params).section);
  if (!recordType) notFound();
  const { noun, formFields, blankValues } = editableRecord(recordType);
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">New {noun}</h1>
      <RecordForm
        recordType={recordType}
        fields={formFields(await formOptions(db))}
        initial={blankValues()}
        {...(recordType === "chart" ? { chartPreview: null } : {})}
      />
    </div>
  );
}
