import Link from "next/link";
import type { ReactNode } from "react";
import { CONTROL_CLASS } from "@/components/forms/control";
import { FIGURE_KINDS, FIGURE_KIND_LABELS } from "@/lib/domain/vocabulary";
import {
  DEFAULT_FIGURE_TABLE_QUERY,
  NO_FILTERS,
  figureTableHref,
  hasFilters,
  type FigureChoice,
  type FigureChoices,
  type FigureTableQuery,
} from "@/lib/figures/table-query";

const control = `${CONTROL_CLASS} mt-1 block w-full min-w-0`;
const hint = "text-xs text-ink-muted dark:text-ink-inverse/70";
const PARTIAL_DATE_PATTERN = "\\d{4}(-\\d{2}(-\\d{2})?)?";

/**
 * The filters of the table of all figures: a plain GET form, so it works without JavaScript and
 * its result is an address that can be shared. Submitting starts again from the first page.
 */
export function FigureFilters({ query, choices }: { query: FigureTableQuery; choices: FigureChoices }) {
  const { filters } = query;
  // Sorting and clearing are links that navigate without a reload: a new key remounts the form so
  // its fields show the new address, not what was typed before.
  const formKey = figureTableHref({ ...query, page: 1 });
  return (
    <form
      key={formKey}
      method="get"
      action="/figures"
      role="search"
      aria-label="Filter the figures"
      className="my-6 grid grid-cols-1 gap-4 rounded border border-black/15 p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-white/20"
    >
      {query.sort !== DEFAULT_FIGURE_TABLE_QUERY.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== DEFAULT_FIGURE_TABLE_QUERY.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      {query.at ? <input type="hidden" name="at" value={query.at} /> : null}

      <Field label="Search" id="figure-search" className="sm:col-span-2">
        <input
          id="figure-search"
          type="search"
          name="q"
          maxLength={100}
          defaultValue={filters.q ?? ""}
          aria-describedby="figure-search-hint"
          className={control}
        />
        <p id="figure-search-hint" className={hint}>
          Finds words in a figure&apos;s label, its source&apos;s words, its note or the publisher.
        </p>
      </Field>

      <ChoiceField
        label="Kind"
        name="kind"
        every="Every kind"
        value={filters.kind}
        options={FIGURE_KINDS.map((kind) => ({ id: kind, label: FIGURE_KIND_LABELS[kind] }))}
      />

      <Field label="Metric" id="figure-metric">
        <select id="figure-metric" name="metric" defaultValue={filters.metric ?? ""} className={control}>
          <option value="">Every metric</option>
          {FIGURE_KINDS.map((kind) => (
            <optgroup key={kind} label={FIGURE_KIND_LABELS[kind]}>
              {choices.metric
                .filter((metric) => metric.kind === kind)
                .map((metric) => (
                  <option key={metric.id} value={metric.id}>
                    {metric.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </Field>

      <ChoiceField
        label="Area"
        name="geography"
        every="Every area"
        value={filters.geography}
        options={choices.geography}
      />

      <ChoiceField label="Agency" name="agency" every="Every agency" value={filters.agency} options={choices.agency} />

      <ChoiceField label="Source" name="source" every="Every source" value={filters.source} options={choices.source} />

      <DateField label="Described from" id="figure-from" name="from" value={filters.from} />
      <DateField label="Described to" id="figure-to" name="to" value={filters.to} />

      <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-4">
        <button
          type="submit"
          className="rounded bg-accent px-4 py-2 font-semibold text-white dark:bg-accent-dark dark:text-paper-dark"
        >
          Show figures
        </button>
        {hasFilters(filters) ? (
          <Link href={figureTableHref({ ...query, filters: NO_FILTERS, page: 1 })} prefetch={false}>
            Clear the filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function Field({
  label,
  id,
  className,
  children,
}: {
  label: string;
  id: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A filter chosen from a list, with an "every ..." choice that leaves it unset. */
function ChoiceField({
  label,
  name,
  every,
  value,
  options,
}: {
  label: string;
  name: string;
  every: string;
  value: string | null | undefined;
  options: FigureChoice[];
}) {
  const id = `figure-${name}`;
  return (
    <Field label={label} id={id}>
      <select id={id} name={name} defaultValue={value ?? ""} className={control}>
        <option value="">{every}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function DateField({ label, id, name, value }: { label: string; id: string; name: string; value: string | null }) {
  return (
    <Field label={label} id={id}>
      <input
        id={id}
        type="text"
        name={name}
        inputMode="numeric"
        pattern={PARTIAL_DATE_PATTERN}
        defaultValue={value ?? ""}
        aria-describedby={`${id}-hint`}
        className={control}
      />
      <p id={`${id}-hint`} className={hint}>
        A year, a month (2021-03) or a day (2021-03-09).
      </p>
    </Field>
  );
}
