import { z } from "zod";
import { optionalText, requiredText } from "@/lib/validation/fields";
import { field, fieldSpec, type FieldSpec } from "./define";

/**
 * What every change carries besides the record: the version the editor opened (for an edit or a
 * delete), and why it changes. One rule for the form in the browser and for the save.
 */

const VERSION_MISSING = "The form is missing the record's version; open it again.";
const version = z.coerce.number({ message: VERSION_MISSING }).int(VERSION_MISSING).positive(VERSION_MISSING);

const REASON_LENGTH = 500;

export type ChangeAction = "create" | "update" | "delete";

/**
 * What a change is, as the editor says when saving it (issue #16): readers are told of
 * corrections, shown updates, and never bothered with fixes.
 */
export const CHANGE_KINDS = ["correction", "update", "fix"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_CHOICES: { value: ChangeKind; label: string; hint: string }[] = [
  { value: "correction", label: "Correction", hint: "A number or a fact was wrong. Announced to readers." },
  { value: "update", label: "Update", hint: "A new report changes it. Listed in its public history." },
  { value: "fix", label: "Fix", hint: "A typo, a link, a note. Kept in the admin's history only." },
];

export function isChangeKind(value: unknown): value is ChangeKind {
  return typeof value === "string" && (CHANGE_KINDS as readonly string[]).includes(value);
}

const KIND_MISSING = "Say whether this is a correction, an update or a fix.";
/** The kind of an edit: the editor must choose, since a correction is announced and a fix is not. */
export const changeKind = z.enum(CHANGE_KINDS, { message: KIND_MISSING });

/** A new record may come without a reason; an edit or a delete must say why. */
export const CHANGE_SCHEMAS = {
  create: z.object({ reason: optionalText(REASON_LENGTH, "The reason") }),
  update: z.object({
    version,
    // Named apart from the records' own `kind` (a source's, an agency's).
    changeKind,
    reason: requiredText(REASON_LENGTH, "The reason", { missing: "Say briefly why you are changing it." }),
  }),
  delete: z.object({
    version,
    reason: requiredText(REASON_LENGTH, "The reason", { missing: "Say briefly why you are deleting it." }),
  }),
} satisfies Record<ChangeAction, z.ZodType>;

/** The reason of a revert or an import, which say themselves what they did: optional. */
export const optionalReason = optionalText(REASON_LENGTH, "The reason");

const HISTORY_HINT = "Kept in the history with the change.";

const REASON_FIELDS = {
  create: {
    schema: CHANGE_SCHEMAS.create,
    field: field(CHANGE_SCHEMAS.create.shape.reason, { label: "Reason", hint: HISTORY_HINT }),
  },
  update: {
    schema: CHANGE_SCHEMAS.update,
    field: field(CHANGE_SCHEMAS.update.shape.reason, { label: "Reason for the change", hint: HISTORY_HINT }),
  },
  delete: {
    schema: CHANGE_SCHEMAS.delete,
    field: field(CHANGE_SCHEMAS.delete.shape.reason, { label: "Reason for deleting" }),
  },
  import: { schema: z.object({ reason: optionalReason }), field: field(optionalReason, { label: "Reason" }) },
};

/** The reason's field of a form, required and limited as its schema says. */
export function reasonField(action: keyof typeof REASON_FIELDS): FieldSpec {
  const { schema, field: reason } = REASON_FIELDS[action];
  return fieldSpec("reason", reason, schema);
}
