"use client";

import { useActionState, useState } from "react";
import { CONTROL_CLASS } from "@/components/forms/control";
import { importAction, type ImportState } from "@/lib/admin/actions";
import { importable, type ImportRow } from "@/lib/admin/figure-import";
import { reasonField } from "@/lib/records/change";
import { ChangeTable } from "./change-table";
import { FormField } from "./form-field";
import { PublishWhenField } from "./publish-when-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

const REASON = reasonField("import");

/**
 * Paste or choose a CSV, check it row by row, then import the rows that passed: now, at a time,
 * or (when this deployment reviews every change) once another editor approves them.
 */
export function ImportForm({ columns, review }: { columns: string[]; review: boolean }) {
  const [state, formAction] = useActionState<ImportState, FormData>(importAction, { status: "idle" });
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  const [csv, setCsv] = useState("");
  const rows: ImportRow[] =
    state.status === "preview"
      ? state.rows
      : state.status === "imported"
        ? state.skipped
        : state.status === "refused" && "rows" in state
          ? (state.rows ?? [])
          : [];
  const [includeDuplicates, setIncludeDuplicates] = useState(false);
  const valid = rows.filter((row) => importable(row, includeDuplicates)).length;
  const duplicates = rows.filter((row) => !row.errors && row.duplicate).length;

  async function readFile(file: File | undefined) {
    if (file) setCsv(await file.text());
  }

  return (
    <form action={formAction}>
      <p className="mb-2">
        The first line names the columns: <code className="break-all">{columns.join(",")}</code>. Values are checked
        exactly as the figure form checks them.
      </p>
      <label htmlFor="csv-file" className="block font-semibold">
        Choose a CSV file
      </label>
      <input
        id="csv-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => void readFile(event.target.files?.[0])}
        className="mb-3"
      />
      {/* Not a FormField: either the file or the text is needed, so neither is "(optional)". */}
      <label htmlFor="csv" className="block font-semibold">
        Or paste it here
      </label>
      <textarea
        id="csv"
        name="csv"
        rows={10}
        value={csv}
        onChange={(event) => setCsv(event.target.value)}
        className={`${CONTROL_CLASS} mt-1 mb-3 block w-full font-mono text-sm`}
      />
      <FormField id="import-reason" field={REASON} errors={fieldErrors.reason} />
      <PublishWhenField id="import-publish-at" review={review} errors={fieldErrors.publishAt} />
      {state.status === "imported" ? <StatusMessage tone="success">{state.message}</StatusMessage> : null}
      {state.status === "refused" || state.status === "invalid" ? (
        <StatusMessage tone="error">{state.message}</StatusMessage>
      ) : null}
      {state.status === "preview" && state.problem ? <StatusMessage tone="error">{state.problem}</StatusMessage> : null}
      {state.status === "preview" && !state.problem ? (
        <p role="status" className="mb-2">
          {valid} of {rows.length} rows can be imported.
          {duplicates && !includeDuplicates
            ? ` ${duplicates} ${duplicates === 1 ? "repeats a figure" : "repeat figures"} already there and will be left out.`
            : ""}
        </p>
      ) : null}
      {duplicates ? (
        <label className="mb-2 flex items-center gap-2">
          <input
            type="checkbox"
            name="includeDuplicates"
            value="yes"
            checked={includeDuplicates}
            onChange={(event) => setIncludeDuplicates(event.target.checked)}
          />
          Import the repeated figures too
        </label>
      ) : null}
      {rows.length ? <PreviewTable rows={rows} /> : null}
      <div className="mt-4 flex gap-3">
        <SubmitButton tone="plain" name="intent" value="preview" pendingLabel="Checking…">
          Check rows
        </SubmitButton>
        <SubmitButton name="intent" value="import" pendingLabel="Importing…">
          {review ? "Submit valid rows for review" : "Import valid rows"}
        </SubmitButton>
      </div>
    </form>
  );
}

function PreviewTable({ rows }: { rows: ImportRow[] }) {
  return (
    <ChangeTable
      caption="Rows checked"
      columns={["Line", "Label", "Value", "Problems"]}
      rows={rows.map((row) => ({
        key: String(row.line),
        cells: [
          row.line,
          row.values.label,
          `${row.values.value} ${row.values.unit}`,
          row.errors
            ? Object.entries(row.errors)
                .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
                .join("; ")
            : (row.duplicate ?? "Ready to import"),
        ],
      }))}
    />
  );
}
