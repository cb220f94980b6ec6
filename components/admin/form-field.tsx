import { useState, type ChangeEvent, type HTMLInputTypeAttribute } from "react";
import { CONTROL_CLASS } from "@/components/forms/control";
import type { FieldSpec } from "@/lib/records/define";

type Props = {
  /** A record's field as lib/records declares it, or a form's own: a text box unless it says otherwise. */
  field: Omit<FieldSpec, "kind"> & { kind?: FieldSpec["kind"] };
  /** The control's id; the field's name unless two forms on one page share a name. */
  id?: string;
  errors?: string[] | undefined;
  /** A controlled field's value and what typing does; otherwise the browser keeps the value. */
  value?: string;
  onChange?: (value: string) => void;
  defaultValue?: string;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: "numeric" | "text";
  /** A time field's step in seconds: 1 to take seconds. */
  step?: number;
  rows?: number;
  /** The control's width and lettering; the full width of the form unless given. */
  size?: string;
  /** The label's size, where the field sits in a row of controls. */
  labelSize?: string;
  className?: string;
};

/**
 * A labelled field with its hint and its errors, for every form in the admin. The error list is
 * always in the page and announced when it changes, and the control points at it, so a screen
 * reader hears why a value was refused.
 */
export function FormField({
  field,
  id = field.name,
  errors,
  value,
  onChange,
  defaultValue,
  type = "text",
  autoComplete,
  inputMode,
  step,
  rows = 3,
  size = "w-full",
  labelSize = "",
  className = "mb-4",
}: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const common = {
    id,
    name: field.name,
    value,
    defaultValue,
    required: field.required,
    autoComplete,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": [field.hint ? hintId : null, errorId].filter(Boolean).join(" "),
    className: `${CONTROL_CLASS} mt-1 block ${size}`,
    onChange: onChange
      ? (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => onChange(event.target.value)
      : undefined,
  } as const;
  if (field.kind === "hidden") return <input type="hidden" name={field.name} value={value ?? defaultValue ?? ""} />;
  if (field.kind === "choices") {
    return <ChoiceList field={field} id={id} errors={errors} value={value ?? defaultValue ?? ""} onChange={onChange} />;
  }
  return (
    <div className={className}>
      <label htmlFor={id} className={`block font-semibold ${labelSize}`}>
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
        <textarea {...common} rows={rows} maxLength={field.maxLength} />
      ) : field.kind === "select" ? (
        <select {...common}>
          {field.required && !value && !defaultValue ? <option value="">Choose…</option> : null}
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
        <input {...common} type={type} inputMode={inputMode} step={step} maxLength={field.maxLength} />
      )}
      <FieldErrorList id={errorId} errors={errors} />
    </div>
  );
}

/**
 * Several choices as checkboxes, which work without JavaScript: the browser sends the name once
 * per ticked box, in the order of the page. That order is the chart's, so the boxes ticked when
 * the form opened come first, in their saved order, and a box ticked now joins them after.
 */
function ChoiceList({
  field,
  id,
  errors,
  value,
  onChange,
}: {
  field: Props["field"];
  id: string;
  errors?: string[] | undefined;
  value: string;
  onChange?: ((value: string) => void) | undefined;
}) {
  const [opened] = useState(value);
  const chosen = value.split(",").filter(Boolean);
  const first = opened.split(",").filter(Boolean);
  const options = field.options ?? [];
  const ordered = [
    ...first.flatMap((choice) => options.filter((option) => option.value === choice)),
    ...options.filter((option) => !first.includes(option.value)),
  ];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <fieldset
      className="mb-4"
      aria-describedby={[field.hint ? hintId : null, errorId].filter(Boolean).join(" ")}
      aria-invalid={errors?.length ? true : undefined}
    >
      <legend className="font-semibold">
        {field.label}
        {field.required ? null : (
          <span className="font-normal text-ink-muted dark:text-ink-inverse/70"> (optional)</span>
        )}
      </legend>
      {field.hint ? (
        <p id={hintId} className="text-sm text-ink-muted dark:text-ink-inverse/70">
          {field.hint}
        </p>
      ) : null}
      <div className="mt-1 max-h-56 overflow-y-auto rounded border border-black/20 p-2 dark:border-white/25">
        {ordered.map((option) => (
          <label key={option.value} className="block text-sm">
            <input
              type="checkbox"
              name={field.name}
              value={option.value}
              checked={onChange ? chosen.includes(option.value) : undefined}
              defaultChecked={onChange ? undefined : chosen.includes(option.value)}
              onChange={
                onChange
                  ? (event) =>
                      onChange(
                        (event.target.checked
                          ? [...chosen, option.value]
                          : chosen.filter((choice) => choice !== option.value)
                        ).join(","),
                      )
                  : undefined
              }
            />{" "}
            {option.label}
            {option.group ? <span className="text-ink-muted dark:text-ink-inverse/70"> · {option.group}</span> : null}
          </label>
        ))}
      </div>
      <FieldErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

/** Every message about one field, one per line, announced when they change. */
export function FieldErrorList({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <ul id={id} aria-live="polite" className="text-sm font-semibold text-conflict dark:text-conflict-dark">
      {errors?.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
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
