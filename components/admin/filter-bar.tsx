import type { ReactNode } from "react";
import { CONTROL_CLASS } from "@/components/forms/control";

/**
 * A list's filters: a plain GET form, so the filtered list is an address that can be shared.
 * `search`: it finds records by their words, and is announced as the page's search.
 */
export function FilterBar({ search = false, children }: { search?: boolean; children: ReactNode }) {
  return (
    <form method="get" role={search ? "search" : undefined} className="mb-6 flex flex-wrap items-end gap-3">
      {children}
      <button type="submit" className="rounded border border-current px-3 py-1.5">
        Filter
      </button>
    </form>
  );
}

type FilterProps = { name: string; label: string; defaultValue: string };

export function FilterText({ name, label, defaultValue, maxLength }: FilterProps & { maxLength?: number }) {
  return (
    <div>
      <label htmlFor={name} className="block font-semibold">
        {label}
      </label>
      <input id={name} name={name} defaultValue={defaultValue} maxLength={maxLength} className={CONTROL_CLASS} />
    </div>
  );
}

/** A choice from a list, or none (`anyLabel`) to show every record. */
export function FilterChoice({
  name,
  label,
  defaultValue,
  anyLabel,
  choices,
}: FilterProps & { anyLabel: string; choices: [value: string, label: string][] }) {
  return (
    <div>
      <label htmlFor={name} className="block font-semibold">
        {label}
      </label>
      <select id={name} name={name} defaultValue={defaultValue} className={CONTROL_CLASS}>
        <option value="">{anyLabel}</option>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
