import { CHANGE_KIND_CHOICES, type ChangeKind } from "@/lib/records/change";
import { FieldErrorList } from "./form-field";

type Props = {
  /** The radio buttons' group name prefix, so several forms on one page keep their own. */
  idPrefix?: string;
  errors?: string[] | undefined;
  /** A controlled choice and what choosing does; otherwise the browser keeps it. */
  value?: string;
  onChange?: (kind: ChangeKind) => void;
  defaultValue?: ChangeKind;
  legend?: string;
  compact?: boolean;
};

/**
 * "What kind of change is this?": a correction is announced to readers, an update is listed in
 * the record's public history, a fix stays in the admin. Radio buttons in a fieldset, so a screen
 * reader hears the question with each answer, and the error is announced beside them.
 */
export function ChangeKindField({
  idPrefix = "changeKind",
  errors,
  value,
  onChange,
  defaultValue,
  legend = "What kind of change is this?",
  compact = false,
}: Props) {
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset className={compact ? "mb-2" : "mb-4"} aria-describedby={errorId}>
      <legend className={compact ? "text-sm font-semibold" : "font-semibold"}>{legend}</legend>
      <div className={compact ? "flex flex-wrap gap-x-4" : "space-y-1"}>
        {CHANGE_KIND_CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-baseline gap-2">
            <input
              type="radio"
              name="changeKind"
              value={choice.value}
              {...(value === undefined
                ? { defaultChecked: defaultValue === choice.value }
                : { checked: value === choice.value, onChange: () => onChange?.(choice.value) })}
            />
            <span>
              <span className={compact ? "text-sm" : "font-medium"}>{choice.label}</span>
              {compact ? null : <span className="text-sm text-ink-muted dark:text-ink-inverse/70"> {choice.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      <FieldErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}
