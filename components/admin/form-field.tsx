import type { FieldSpec } from "@/lib/admin/form-fields";

type Props = {
  field: FieldSpec;
  value: string;
  errors: string[] | undefined;
  onChange: (value: string) => void;
};

const inputClass =
  "mt-1 block w-full rounded border border-black/30 bg-paper-raised px-2 py-1.5 text-ink aria-[invalid=true]:border-conflict dark:border-white/30 dark:bg-paper-dark-raised dark:text-ink-inverse";

/**
 * A labelled field with its hint and its errors. The error paragraph is always in the page and
 * announced when it changes, and the input points at it, so a screen reader hears why.
 */
export function FormField({ field, value, errors, onChange }: Props) {
  const errorId = `${field.name}-error`;
  const hintId = `${field.name}-hint`;
  const describedBy = [field.hint ? hintId : null, errorId].filter(Boolean).join(" ");
  const common = {
    id: field.name,
    name: field.name,
    value,
    required: field.required,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy,
    className: inputClass,
  } as const;
  return (
    <div className="mb-4">
      <label htmlFor={field.name} className="block font-semibold">
        {field.label}
        {field.required ? null : (
          <span className="font-normal text-ink-muted dark:text-ink-inverse/70"> (optional)</span>
        )}
      </label>
      {field.hint ? (
        <p id={hintId} className="text-sm text-ink-muted dark:text-ink-inverse/70">
          {field.hint}
        </p>
      ) : null}
      {field.kind === "textarea" ? (
        <textarea {...common} rows={3} maxLength={field.maxLength} onChange={(event) => onChange(event.target.value)} />
      ) : field.kind === "select" ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          {field.required && value === "" ? <option value="">Choose…</option> : null}
          {groupOptions(field.options ?? []).map(([group, options]) =>
            group ? (
              <optgroup key={group} label={group}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ) : (
              options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))
            ),
          )}
        </select>
      ) : (
        <input {...common} type="text" maxLength={field.maxLength} onChange={(event) => onChange(event.target.value)} />
      )}
      <p id={errorId} aria-live="polite" className="text-sm font-semibold text-conflict dark:text-conflict-dark">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

function groupOptions(options: NonNullable<FieldSpec["options"]>) {
  const groups = new Map<string, NonNullable<FieldSpec["options"]>>();
  for (const option of options) {
    const key = option.group ?? "";
    groups.set(key, [...(groups.get(key) ?? []), option]);
  }
  return [...groups.entries()];
}
