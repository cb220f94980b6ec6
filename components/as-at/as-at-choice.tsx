import { CONTROL_CLASS } from "@/components/forms/control";

/**
 * The "as at" choice: a plain GET form, so it works without JavaScript and its answer is an
 * address to share. It keeps the rest of the view (filters, sort) in hidden fields; an empty day
 * asks for the live record.
 */
export function AsAtChoice({
  action,
  keep,
  value,
  firstDay,
  today,
}: {
  action: string;
  /** The rest of the address, kept as it is. */
  keep: [string, string][];
  /** The day shown, if the view is as at a day. */
  value: string | null;
  /** The day the record began: no record stood before it. */
  firstDay: string | null;
  today: string;
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label="Choose a day to read the record as it stood"
      className="my-3 flex flex-wrap items-end gap-3"
    >
      {keep.map(([name, kept]) => (
        <input key={name} type="hidden" name={name} value={kept} />
      ))}
      <div>
        <label htmlFor="as-at" className="block text-sm font-semibold">
          The record as at
        </label>
        <input
          id="as-at"
          type="date"
          name="at"
          defaultValue={value ?? ""}
          min={firstDay ?? undefined}
          max={today}
          aria-describedby="as-at-hint"
          className={`${CONTROL_CLASS} mt-1`}
        />
      </div>
      <button type="submit" className="rounded border border-current px-3 py-2 text-sm font-semibold">
        Show
      </button>
      <p id="as-at-hint" className="w-full text-xs text-ink-muted dark:text-ink-inverse/70">
        The figures as they stood at the end of a day (UTC), replayed from the record&apos;s revisions; empty for
        today&apos;s.
      </p>
    </form>
  );
}
