"use client";

import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { releaseAction, type ReleaseState } from "@/lib/admin/actions";
import type { FieldSpec } from "@/lib/records/define";
import {
  NEW_SOURCE_PREFIX,
  readersRead,
  releaseParts,
  rowName,
  type ReleaseRow,
  type RowField,
} from "@/lib/releases/release-form";
import type { FieldErrors } from "@/lib/validation/fields";
import { FormField } from "./form-field";
import { PublishWhenField } from "./publish-when-field";
import { StatusMessage } from "./status-message";

type Metric = { id: string; label: string; units: string[] };

type Props = {
  /** The source form's fields, named as the release form sends them (`source.publisher`...). */
  sourceFields: FieldSpec[];
  /** A new source's fixed lists at their most common choice. */
  sourceDefaults: Record<string, string>;
  /** The release's own fields: the source chosen, the passage, the date, area and agency its figures share. */
  releaseFields: Record<"sourceId" | "passage" | "asOf" | "geographyId" | "agencyId" | "reason", FieldSpec>;
  /** A figure row's lists, from the figure form's own fields. */
  rowFields: Record<"metricId" | "unit" | "qualifier" | "geographyId", FieldSpec>;
  metrics: Metric[];
  /** This deployment reviews every change: saving submits the release as a draft (decision 0023). */
  review: boolean;
};

const ROW_LABELS: Record<Exclude<RowField, "include">, string> = {
  value: "Value",
  unit: "Unit",
  qualifier: "Qualifier",
  metricId: "What it counts",
  label: "Label",
  geographyId: "Area",
  asOf: "Date it describes",
  quote: "The source's words",
};

/**
 * Entering a press release: the source first (chosen, or typed once), then the passage pasted
 * from it. The server proposes each figure it states, with what the release shares filled in;
 * the editor unticks what is not a figure, corrects the rest and saves them all as one change.
 * Without JavaScript the form is posted and the page comes back with the answer: what was sent
 * (`state.sent`) fills the fields again, and the stylesheet shows the fields of the source chosen.
 */
export function ReleaseForm({ sourceFields, sourceDefaults, releaseFields, rowFields, metrics, review }: Props) {
  const [state, formAction, pending] = useActionState<ReleaseState, FormData>(releaseAction, { status: "idle" });
  const sent = "sent" in state ? state.sent : undefined;
  const [release, setRelease] = useState({ asOf: sent?.asOf ?? "", geographyId: sent?.geographyId ?? "uk" });
  const [rows, setRows] = useState<ReleaseRow[]>(() =>
    state.status === "proposed" ? state.rows : sent ? releaseParts(sent).rows : [],
  );
  const [proposal, setProposal] = useState<ReleaseState | null>(state.status === "idle" ? null : state);
  // A new proposal replaces the rows; a refused save keeps what the editor corrected.
  if (state.status === "proposed" && state !== proposal) {
    setProposal(state);
    setRows(state.rows);
  }
  if (state.status === "saved" && state !== proposal) {
    setProposal(state);
    setRows([]);
  }
  const errors: FieldErrors = state.status === "invalid" ? state.fieldErrors : {};

  function changeRow(index: number, field: RowField, value: string) {
    setRows((previous) =>
      previous.map((row, at) => {
        if (at !== index) return row;
        const next = { ...row, [field]: value };
        if (field !== "metricId") return next;
        // The unit follows the metric, and so does a label the editor has not written.
        const was = metrics.find((metric) => metric.id === row.metricId);
        const now = metrics.find((metric) => metric.id === value);
        if (now && !now.units.includes(next.unit)) next.unit = now.units[0] ?? next.unit;
        if (now && (!row.label || row.label === was?.label)) next.label = now.label;
        return next;
      }),
    );
  }

  // Sent by hand rather than through the form's action, which would empty every field the editor
  // typed once the proposal comes back; the button pressed says what is asked.
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(form));
  }

  const ticked = rows.filter((row) => row.include === "on").length;
  return (
    <form action={formAction} onSubmit={send} noValidate aria-busy={pending}>
      {state.status === "saved" ? (
        <StatusMessage tone="success">
          {state.message}{" "}
          <Link href={`/admin/figures?q=${encodeURIComponent(state.sourceId)}`}>See them in the list of figures</Link>.
        </StatusMessage>
      ) : null}
      {state.status === "invalid" || state.status === "refused" ? (
        <StatusMessage tone="error">{state.message}</StatusMessage>
      ) : null}
      {errors.form ? <StatusMessage tone="error">{errors.form.join(" ")}</StatusMessage> : null}

      <fieldset className="release-source mb-6">
        <legend className="mb-2 font-serif text-xl font-bold">1. The source</legend>
        <div className="mb-3 flex flex-wrap gap-x-6 gap-y-1">
          {(["existing", "new"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="sourceMode"
                value={value}
                defaultChecked={(sent?.sourceMode === "new" ? "new" : "existing") === value}
              />
              {value === "existing" ? "A source already in the record" : "A new source"}
            </label>
          ))}
        </div>
        {/* Both are in the page; app/globals.css shows the one whose choice is ticked. */}
        <div className="release-existing">
          <FormField field={releaseFields.sourceId} errors={errors.sourceId} defaultValue={sent?.sourceId} />
        </div>
        <div className="release-new">
          <div className="grid gap-x-4 sm:grid-cols-2">
            {sourceFields.map((field) => (
              <FormField
                key={field.name}
                field={field}
                errors={errors[field.name]}
                defaultValue={sent?.[field.name] ?? sourceDefaults[field.name]}
                type={field.name === `${NEW_SOURCE_PREFIX}url` ? "url" : "text"}
                onChange={
                  field.name === `${NEW_SOURCE_PREFIX}publishedOn`
                    ? // The day it published is, most often, the day its figures describe.
                      (value) => setRelease((previous) => ({ ...previous, asOf: previous.asOf || value }))
                    : undefined
                }
              />
            ))}
          </div>
        </div>
      </fieldset>

      <fieldset className="mb-6">
        <legend className="mb-2 font-serif text-xl font-bold">2. Its words, and what its figures share</legend>
        <FormField field={releaseFields.passage} errors={errors.passage} rows={8} defaultValue={sent?.passage} />
        <div className="grid gap-x-4 sm:grid-cols-3">
          <FormField
            field={releaseFields.asOf}
            errors={errors.asOf}
            value={release.asOf}
            onChange={(asOf) => setRelease((previous) => ({ ...previous, asOf }))}
          />
          <FormField
            field={releaseFields.geographyId}
            errors={errors.geographyId}
            value={release.geographyId}
            onChange={(geographyId) => setRelease((previous) => ({ ...previous, geographyId }))}
          />
          <FormField field={releaseFields.agencyId} errors={errors.agencyId} defaultValue={sent?.agencyId} />
        </div>
        <button
          type="submit"
          name="intent"
          value="propose"
          disabled={pending}
          className="rounded border border-current px-4 py-2 font-semibold disabled:opacity-60"
        >
          Propose the figures
        </button>
      </fieldset>

      {rows.length > 0 ? (
        <fieldset className="mb-6">
          <legend className="mb-2 font-serif text-xl font-bold">3. The figures</legend>
          {state.status === "proposed" ? <p className="mb-3">{state.message}</p> : null}
          <ol className="space-y-4">
            {rows.map((row, index) => (
              <ReleaseRowFields
                key={index}
                index={index}
                row={row}
                repeat={proposal?.status === "proposed" ? proposal.repeats[index] : undefined}
                fields={rowFields}
                errors={errors}
                onChange={(field, value) => changeRow(index, field, value)}
              />
            ))}
          </ol>
          <div className="mt-4 max-w-xl">
            <FormField field={releaseFields.reason} errors={errors.reason} defaultValue={sent?.reason} />
            <PublishWhenField review={review} errors={errors.publishAt} initial={sent?.publishAt} />
          </div>
          <button
            type="submit"
            name="intent"
            value="save"
            disabled={pending}
            className="rounded bg-accent px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-accent-dark dark:text-ink"
          >
            {review ? "Submit" : "Save"} {ticked} figure{ticked === 1 ? "" : "s"} as one change
            {review ? " for review" : ""}
          </button>
        </fieldset>
      ) : null}
    </form>
  );
}

function ReleaseRowFields({
  index,
  row,
  repeat,
  fields,
  errors,
  onChange,
}: {
  index: number;
  row: ReleaseRow;
  /** Why the row starts unticked: the record already has this figure. */
  repeat: string | undefined;
  fields: Props["rowFields"];
  errors: FieldErrors;
  onChange: (field: RowField, value: string) => void;
}) {
  const named = (field: Exclude<RowField, "include">): FieldSpec => ({
    ...(field in fields ? fields[field as keyof typeof fields] : { kind: "text", required: true }),
    name: rowName(index, field),
    label: ROW_LABELS[field],
  });
  const control = (field: Exclude<RowField, "include">, size = "w-full") => (
    <FormField
      field={named(field)}
      errors={errors[rowName(index, field)]}
      value={row[field]}
      onChange={(value) => onChange(field, value)}
      size={size}
      className="mb-2"
      labelSize="text-sm"
    />
  );
  const included = row.include === "on";
  const reads = readersRead(row);
  return (
    <li
      className={`rounded border p-3 ${included ? "border-black/30 dark:border-white/40" : "border-dashed border-black/20 opacity-70 dark:border-white/25"}`}
      data-release-row={index}
    >
      <label className="mb-2 flex items-center gap-2 font-semibold">
        <input
          type="checkbox"
          name={rowName(index, "include")}
          checked={included}
          onChange={(event) => onChange("include", event.target.checked ? "on" : "")}
        />
        Save this figure
        <span className="font-normal">
          {reads ? (
            <>
              : readers will read <strong data-testid={`row-${index}-reads`}>{reads}</strong>
            </>
          ) : (
            ": its value cannot be read yet"
          )}
        </span>
      </label>
      {repeat ? <p className="mb-2 text-sm font-semibold text-conflict dark:text-conflict-dark">{repeat}</p> : null}
      <div className="grid gap-x-3 sm:grid-cols-3">
        {control("value")}
        {control("unit")}
        {control("qualifier")}
        {control("metricId")}
        {control("label")}
        {control("geographyId")}
        {control("asOf")}
      </div>
      <details>
        <summary className="cursor-pointer py-1 text-sm">
          The source&apos;s words: “{row.quote.slice(0, 80)}
          {row.quote.length > 80 ? "…" : ""}”
        </summary>
        <FormField
          field={{ ...named("quote"), kind: "textarea" }}
          errors={errors[rowName(index, "quote")]}
          value={row.quote}
          onChange={(value) => onChange("quote", value)}
          rows={2}
          className="mb-2"
          labelSize="text-sm"
        />
      </details>
    </li>
  );
}
