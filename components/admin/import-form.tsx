"use client";

import { useActionState, useState } from "react";
import { importFromForm, type ImportState } from "@/lib/admin/actions";
import type { ImportRow } from "@/lib/admin/figure-import";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

/** Paste or choose a CSV, check it row by row, then import the rows that passed. */
export function ImportForm({ columns }: { columns: string[] }) {
  const [state, formAction] = useActionState<ImportState, FormData>(importFromForm, { status: "idle" });
  const [csv, setCsv] = useState("");
  const rows: ImportRow[] =
    state.status === "preview"
      ? state.rows
      : state.status === "imported"
        ? state.skipped
        : state.status === "refused" && "rows" in state
          ? (state.rows ?? [])
          : [];
  const valid = rows.filter((row) => !row.errors).length;

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
      <label htmlFor="csv" className="block font-semibold">
        Or paste it here
      </label>
      <textarea
        id="csv"
        name="csv"
        rows={10}
        value={csv}
        onChange={(event) => setCsv(event.target.value)}
        className="mt-1 mb-3 block w-full rounded border border-black/30 bg-paper-raised p-2 font-mono text-sm dark:border-white/30 dark:bg-paper-dark-raised"
      />
      <label htmlFor="import-reason" className="block font-semibold">
        Reason <span className="font-normal">(optional)</span>
      </label>
      <input
        id="import-reason"
        name="reason"
        maxLength={500}
        className="mt-1 mb-4 block w-full rounded border border-black/30 bg-paper-raised px-2 py-1.5 dark:border-white/30 dark:bg-paper-dark-raised"
      />
      {state.status === "imported" ? <StatusMessage tone="success">{state.message}</StatusMessage> : null}
      {state.status === "refused" || state.status === "invalid" ? (
        <StatusMessage tone="error">{state.message}</StatusMessage>
      ) : null}
      {state.status === "preview" && state.problem ? <StatusMessage tone="error">{state.problem}</StatusMessage> : null}
      {state.status === "preview" && !state.problem ? (
        <p role="status" className="mb-2">
          {valid} of {rows.length} rows can be imported.
        </p>
      ) : null}
      {rows.length ? <PreviewTable rows={rows} /> : null}
      <div className="mt-4 flex gap-3">
        <SubmitButton tone="plain" name="intent" value="preview" pendingLabel="Checking…">
          Check rows
        </SubmitButton>
        <SubmitButton name="intent" value="import" pendingLabel="Importing…">
          Import valid rows
        </SubmitButton>
      </div>
    </form>
  );
}

function PreviewTable({ rows }: { rows: ImportRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold">Rows checked</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b p-1">
              Line
            </th>
            <th scope="col" className="border-b p-1">
              Label
            </th>
            <th scope="col" className="border-b p-1">
              Value
            </th>
            <th scope="col" className="border-b p-1">
              Problems
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td className="border-b p-1">{row.line}</td>
              <td className="border-b p-1">{row.values.label}</td>
              <td className="border-b p-1">
                {row.values.value} {row.values.unit}
              </td>
              <td className="border-b p-1">
                {row.errors
                  ? Object.entries(row.errors)
                      .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
                      .join("; ")
                  : "Ready to import"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
