import type { EditableRecord } from "./define";
import { agencyRecord } from "./agency";
import { agencyKindRecord } from "./agency-kind";
import { chartRecord } from "./chart";
import { figureRecord } from "./figure";
import { geographyRecord } from "./geography";
import { metricRecord } from "./metric";
import { rulingRecord } from "./ruling";
import { sourceRecord } from "./source";

/**
 * The record types editors change in the admin, by the names the Revision table gives them, in
 * the order the admin's menu lists them (the vocabulary last: only admins change it). The admin's pages, its saves, deletes, history and
 * reverts all work from this list: a new record type is its own file beside these, added here.
 */
export const EDITABLE_RECORDS = {
  figure: figureRecord,
  source: sourceRecord,
  agency: agencyRecord,
  ruling: rulingRecord,
  chart: chartRecord,
  metric: metricRecord,
  geography: geographyRecord,
  "agency-kind": agencyKindRecord,
} as const;

export type EditableRecordType = keyof typeof EDITABLE_RECORDS;

export const EDITABLE_RECORD_TYPES = Object.keys(EDITABLE_RECORDS) as [EditableRecordType, ...EditableRecordType[]];

// Each type is typed by its own values; the shared code only hands a type's values back to it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEditableRecord = EditableRecord<any, any>;

export function editableRecord(recordType: EditableRecordType): AnyEditableRecord {
  return EDITABLE_RECORDS[recordType];
}

export function isEditableRecordType(value: string | undefined): value is EditableRecordType {
  return value !== undefined && Object.hasOwn(EDITABLE_RECORDS, value);
}

export function recordPath(recordType: EditableRecordType, id: string): string {
  return `${EDITABLE_RECORDS[recordType].path}/${encodeURIComponent(id)}`;
}

/** The record type an admin section's address names ("figures" → figure), or null. */
export function sectionRecordType(section: string): EditableRecordType | null {
  return EDITABLE_RECORD_TYPES.find((type) => EDITABLE_RECORDS[type].path === `/admin/${section}`) ?? null;
}
