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

/** The record type an admin section's address names ("figures" → figure), or null. */
export function sectionRecordType(section: string): EditableRecordType | null {
  const found = Object.entries(ADMIN_SECTIONS).find(([, value]) => value.path === `/admin/${section}`);
  return found ? (found[0] as EditableRecordType) : null;
}
