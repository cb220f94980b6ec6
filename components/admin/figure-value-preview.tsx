import { formatMinor } from "@/lib/domain/quantity";
import { isUnit, UNITS } from "@/lib/domain/units";
import { isQualifier } from "@/lib/domain/vocabulary";
import { formatFigure } from "@/lib/figures/format";
import { readTypedValue } from "@/lib/releases/typed-value";

/**
 * The figure as readers will read it, while the editor types: the value as written ("£19m",
 * "3 tonnes") read exactly in its unit, with its qualifier, and the exact value that is stored.
 */
export function FigureValuePreview({ value, unit, qualifier }: { value: string; unit: string; qualifier: string }) {
  const read = isUnit(unit) && value.trim() ? readTypedValue(value, unit) : null;
  return (
    <p
      aria-live="polite"
      className="mb-4 rounded bg-black/5 px-3 py-2 text-sm dark:bg-white/10"
      data-testid="figure-preview"
    >
      {read?.ok && isUnit(unit) && isQualifier(qualifier) ? (
        <>
          Readers will read <strong>{formatFigure(read.minor, unit, qualifier)}</strong>; stored exactly as{" "}
          {formatMinor(read.minor, unit)} ({UNITS[unit].label.toLowerCase()}).
        </>
      ) : read && !read.ok ? (
        read.message
      ) : (
        "Readers will read the figure here once its value, unit and qualifier are given."
      )}
    </p>
  );
}
