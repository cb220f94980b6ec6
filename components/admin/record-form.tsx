"use client";

import { useActionState, useState, type FormEvent } from "react";
import { saveRecordAction, type SaveState } from "@/lib/admin/actions";
import { CHANGE_SCHEMAS, reasonField } from "@/lib/records/change";
import type { FieldSpec } from "@/lib/records/define";
import { EDITABLE_RECORDS, type EditableRecordType } from "@/lib/records/registry";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/fields";
import type { ChartSpec } from "@/lib/charts/types";
import { scheduleSchema } from "@/lib/review/schedule";
import { ChangeKindField } from "./change-kind-field";
import { ChangeTable } from "./change-table";
import { ChartPreview } from "./chart-preview";
import { FigureValuePreview } from "./figure-value-preview";
import { FormField } from "./form-field";
import { PublishWhenField } from "./publish-when-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

type Props = {
  recordType: EditableRecordType;
  fields: FieldSpec[];
  initial: Record<string, string>;
  /** Absent for a new record. */
  record?: { id: string; version: number };
  /** A chart's form shows the chart as the form says, beside it: the saved chart, or null for a new one. */
  chartPreview?: ChartSpec | null;
  /** A figure's form: the units each metric is counted in, so that the unit follows the metric. */
  metricUnits?: Record<string, string[]>;
  /** This deployment reviews every change: the form submits a draft (decision 0023). */
  review?: boolean;
};

const REASON = { create: reasonField("create"), update: reasonField("update") };

/**
 * The one form for creating and editing a record of any type. It checks the values with the
 * same schemas the server action uses before sending them, keeps what the editor typed when the
 * server refuses it, and shows a conflict side by side.
 */
export function RecordForm({ recordType, fields, initial, record, chartPreview, metricUnits, review = false }: Props) {
  const [state, formAction] = useActionState<SaveState, FormData>(saveRecordAction, { status: "idle" });
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState<FieldErrors>({});
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const errors = Object.keys(checked).length ? checked : serverErrors;
  const change = record ? "update" : "create";

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const result = EDITABLE_RECORDS[recordType].schema.safeParse(values);
    const reason = CHANGE_SCHEMAS[change].safeParse({ ...values, version: record?.version });
    const when = scheduleSchema().safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    const found = {
      ...(result.success ? {} : fieldErrorsOf(result.error)),
      ...(reason.success ? {} : fieldErrorsOf(reason.error)),
      ...(when.success ? {} : fieldErrorsOf(when.error)),
    };
    setChecked(found);
    if (Object.keys(found).length) event.preventDefault();
  }

  function changeField(name: string, value: string) {
    setValues((previous) => {
      const next = { ...previous, [name]: value };
      // The unit follows the metric: a metric counted in one unit, or not in the one chosen, sets it.
      const units = name === "metricId" ? metricUnits?.[value] : undefined;
      if (units?.[0] && (units.length === 1 || !units.includes(next.unit ?? ""))) next.unit = units[0];
      return next;
    });
  }

  const field = (spec: FieldSpec) => (
    <FormField
      key={spec.name}
      field={spec}
      value={values[spec.name] ?? ""}
      errors={errors[spec.name]}
      onChange={(value) => changeField(spec.name, value)}
    />
  );

  const form = (
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
      {fields.map((spec) =>
        recordType === "figure" && spec.name === "qualifier" ? (
          <div key={spec.name}>
            {field(spec)}
            <FigureValuePreview
              value={values.value ?? ""}
              unit={values.unit ?? ""}
              qualifier={values.qualifier ?? ""}
            />
          </div>
        ) : (
          field(spec)
        ),
      )}
      {record ? (
        <ChangeKindField
          errors={errors.changeKind}
          value={values.changeKind ?? ""}
          onChange={(changeKind) => setValues((previous) => ({ ...previous, changeKind }))}
        />
      ) : null}
      {field(REASON[change])}
      <PublishWhenField review={review} errors={errors.publishAt} />
      {errors.version ? <StatusMessage tone="error">{errors.version.join(" ")}</StatusMessage> : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Saving…">
          {review ? "Submit for review" : record ? "Save changes" : "Create"}
        </SubmitButton>
        {recordType === "figure" && !record && !review ? (
          // The next figure of a release usually shares its source, date, area, agency and words.
          <SubmitButton pendingLabel="Saving…" name="then" value="another" tone="plain">
            Create, and add another from this source
          </SubmitButton>
        ) : null}
      </div>
    </form>
  );
  if (chartPreview === undefined) return form;
  return (
    <>
      {form}
      <ChartPreview initial={chartPreview} values={values} />
    </>
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
    <div className="mb-6">
      <ChangeTable
        caption="Where the saved record differs from yours"
        columns={["Field", "Saved by them", "Yours (not saved)"]}
        rows={differing.map((field) => ({
          key: field.name,
          cells: [field.label, theirs[field.name], yours[field.name]],
        }))}
      />
      <p className="mt-2 text-sm">
        <a href="">Open the record again</a> to start from their version.
      </p>
    </div>
  );
}
