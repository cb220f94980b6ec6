import type { EditableRecordType } from "@/lib/validation/records";

/** Where each record type lives in the admin. */
export const ADMIN_SECTIONS: Record<EditableRecordType, { path: string; plural: string }> = {
  figure: { path: "/admin/figures", plural: "Figures" },
  source: { path: "/admin/sources", plural: "Sources" },
  agency: { path: "/admin/agencies", plural: "Agencies" },
  ruling: { path: "/admin/rulings", plural: "Rulings" },
};

export function recordPath(recordType: EditableRecordType, id: string): string {
  return `${ADMIN_SECTIONS[recordType].path}/${encodeURIComponent(id)}`;
}

export function isEditableRecordType(value: string | undefined): value is EditableRecordType {
  return value !== undefined && Object.hasOwn(ADMIN_SECTIONS, value);
}
