import type { PrismaClient } from "@/lib/db/client.server";
import { fieldErrorsOf } from "@/lib/validation/fields";
import { EDITABLE_RECORD_TYPES, editableRecord, type EditableRecordType } from "./registry";

export type RuleBreak = { recordType: EditableRecordType; id: string; field: string; message: string };

/**
 * Every stored record whose fields its own form would now refuse: rows written before a rule
 * was tightened (control characters, line breaks in one-line fields, far-future dates). They
 * are listed for an editor to correct, never rewritten here: a silent rewrite could change what
 * a source said. References to other records are not checked: the database keeps those.
 */
export async function recordsBreakingRules(db: PrismaClient): Promise<RuleBreak[]> {
  const found: RuleBreak[] = [];
  for (const recordType of EDITABLE_RECORD_TYPES) {
    const record = editableRecord(recordType);
    for (const stored of await record.store.all(db)) {
      const parsed = record.schema.safeParse(record.toFormValues(stored));
      if (parsed.success) continue;
      for (const [field, messages] of Object.entries(fieldErrorsOf(parsed.error))) {
        for (const message of messages) found.push({ recordType, id: stored.id, field, message });
      }
    }
  }
  return found;
}
