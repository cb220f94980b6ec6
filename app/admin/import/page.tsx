import { ImportForm } from "@/components/admin/import-form";
import { requireEditor } from "@/lib/auth/request.server";
import { IMPORT_COLUMNS } from "@/lib/admin/figure-import";
import { reviewBeforePublishing } from "@/lib/review/setting.server";

export const metadata = { title: "Import figures" };

export default async function ImportPage() {
  await requireEditor();
  return (
    <div>
      <h1 className="mb-4 font-serif text-3xl font-bold">Import figures from a CSV</h1>
      <ImportForm columns={IMPORT_COLUMNS} review={reviewBeforePublishing()} />
    </div>
  );
}
