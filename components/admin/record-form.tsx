"use client";

import { useActionState, useState, type FormEvent } from "react";
import { saveRecordFromForm, type SaveState } from "@/lib/admin/actions";
import type { FieldSpec } from "@/lib/admin/form-fields";
import { fieldErrorsOf, RECORD_SCHEMAS, type EditableRecordType, type FieldErrors } from "@/lib/validation/records";
import { FormField } from "./form-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

type Props = {
  recordType: EditableRecordType;
  fields: FieldSpec[];
  initial: Record<string, string>;
  /** Absent for a new record. */
  record?: { id: string; version: number };
};

/**
 * The one form for creating and editing a record of any type. It checks the values with the
 * same schema the server action uses before sending them, keeps what the editor typed when the
 * server refuses it, and shows a conflict side by side.
 */
export function RecordForm({ recordType, fields, initial, record }: Props) {
  const [state, formAction] = useActionState<SaveState, FormData>(saveRecordFromForm, { status: "idle" });
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState<FieldErrors>({});
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const errors = Object.keys(checked).length ? checked : serverErrors;

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const result = RECORD_SCHEMAS[recordType].safeParse(values);
    const found = result.success ? {} : fieldErrorsOf(result.error);
    if (record && !values.reason?.trim()) found.reason = ["Say briefly why you are changing it."];
    setChecked(found);
    if (Object.keys(found).length) event.preventDefault();
  }

  return (
    <form action={formAction} onSubmit={checkBeforeSending} noValidate className="max-w-2xl">
      <input type="hidden" name="recordType" value={recordType} />
      {record ? (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="version" value={record.version} />
        </>
      ) : null}
      {Object.keys(checked).length ? (
        <StatusMessage tone="error">Nothing was saved: correct the fields marked below.</StatusMessage>
      ) : state.status === "idle" ? null : (
        <StatusMessage tone="error">{state.message}</StatusMessage>
      )}
      {state.status === "conflict" ? <ConflictTable fields={fields} theirs={state.theirs} yours={values} /> : null}
      {fields.map((field) => (
        <FormField
          key={field.name}
          field={field}
          value={values[field.name] ?? ""}
          errors={errors[field.name]}
          onChange={(value) => setValues((previous) => ({ ...previous, [field.name]: value }))}
        />
      ))}
      <FormField
        field={{
          name: "reason",
          label: record ? "Reason for the change" : "Reason",
          kind: "text",
          required: Boolean(record),
          maxLength: 500,
          hint: "Kept in the history with the change.",
        }}
        value={values.reason ?? ""}
        errors={errors.reason}
        onChange={(value) => setValues((previous) => ({ ...previous, reason: value }))}
      />
      {errors.version ? <StatusMessage tone="error">{errors.version.join(" ")}</StatusMessage> : null}
      <SubmitButton pendingLabel="Saving…">{record ? "Save changes" : "Create"}</SubmitButton>
    </form>
  );
}

function ConflictTable({
  fields,
  theirs,
  yours,
}: {
  fields: FieldSpec[];
  theirs: Record<string, string>;
  yours: Record<string, string>;
}) {
  const differing = fields.filter((field) => (theirs[field.name] ?? "") !== (yours[field.name] ?? ""));
  return (
    <div className="mb-6 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold">Where the saved record differs from yours</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b p-1">
              Field
            </th>
            <th scope="col" className="border-b p-1">
              Saved by them
            </th>
            <th scope="col" className="border-b p-1">
              Yours (not saved)
            </th>
          </tr>
        </thead>
        <tbody>
          {differing.map((field) => (
            <tr key={field.name}>
              <th scope="row" className="border-b p-1 font-normal">
                {field.label}
              </th>
              <td className="border-b p-1">{theirs[field.name]}</td>
              <td className="border-b p-1">{yours[field.name]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm">
        <a href="">Open the record again</a> to start from their version.
      </p>
    </div>
  );
}
