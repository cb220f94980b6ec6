import { z } from "zod";
import { isUnit } from "@/lib/domain/units";
import { isQualifier } from "@/lib/domain/vocabulary";
import { formatFigure } from "@/lib/figures/format";
import { optionalReason } from "@/lib/records/change";
import type { FormOptions } from "@/lib/records/form-options";
import { choice, optionalChoice, partialDate, requiredText } from "@/lib/validation/fields";
import { MAX_PASSAGE_CHARACTERS, type ProposedFigure } from "./propose";
import { readTypedValue } from "./typed-value";

/**
 * The form that enters a press release: its source (chosen, or new), the passage pasted from it,
 * what every figure in it shares (the date it describes, the area, the agency), and then one row
 * per figure proposed from the passage. The same checks run in the browser and in the action.
 */

/** The fields of a new source, by the source form's own names, prefixed so they sit beside the figures'. */
export const NEW_SOURCE_PREFIX = "source.";
/** A figure row's fields are named `figures.<row>.<field>`. */
export const ROW_PREFIX = "figures.";
export const ROW_FIELDS = [
  "include",
  "metricId",
  "value",
  "unit",
  "qualifier",
  "label",
  "geographyId",
  "asOf",
  "quote",
] as const;
export type RowField = (typeof ROW_FIELDS)[number];
export type ReleaseRow = Record<RowField, string>;
/** A release of more figures than this is a dataset: the CSV import takes it. */
export const MAX_RELEASE_ROWS = 60;

export const releaseSchema = z.object({
  sourceMode: z.enum(["existing", "new"], "Choose a source, or say it is a new one."),
  sourceId: optionalChoice(),
  passage: requiredText(MAX_PASSAGE_CHARACTERS, "The passage", {
    lines: "many",
    missing: "Paste the release's words: the figures are proposed from them.",
  }),
  asOf: partialDate,
  geographyId: choice("Choose the area most of its figures cover."),
  agencyId: optionalChoice(),
  reason: optionalReason,
});
export type Release = z.output<typeof releaseSchema>;

/** The flat form, as sent, split into the release, the new source's fields and the rows in order. */
export function releaseParts(values: Record<string, string>) {
  const source: Record<string, string> = {};
  const rows = new Map<number, Partial<ReleaseRow>>();
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith(NEW_SOURCE_PREFIX)) source[name.slice(NEW_SOURCE_PREFIX.length)] = value;
    const row = /^figures\.(\d{1,3})\.([a-zA-Z]+)$/.exec(name);
    if (row && (ROW_FIELDS as readonly string[]).includes(row[2]!)) {
      const index = Number(row[1]);
      rows.set(index, { ...rows.get(index), [row[2]!]: value });
    }
  }
  const ordered = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => Object.fromEntries(ROW_FIELDS.map((field) => [field, row[field] ?? ""])) as ReleaseRow);
  return { source, rows: ordered };
}

export const rowPrefix = (index: number) => `${ROW_PREFIX}${index}.`;
export const rowName = (index: number, field: RowField) => `${rowPrefix(index)}${field}`;

/** A proposal as a row of the form: the release's date and area, the metric's own words as its label. */
export function rowOf(
  proposal: ProposedFigure,
  release: Pick<Release, "asOf" | "geographyId">,
  options: FormOptions,
): ReleaseRow {
  const metric = options.metrics.find((candidate) => candidate.id === proposal.metric);
  return {
    include: "on",
    metricId: metric?.id ?? "",
    value: proposal.value,
    unit: proposal.unit,
    qualifier: proposal.qualifier,
    label: metric?.label ?? "",
    geographyId: release.geographyId,
    asOf: release.asOf,
    quote: proposal.quote,
  };
}

/** The row as readers will read it ("over £54 million"), or null while its value cannot be read. */
export function readersRead(row: Pick<ReleaseRow, "value" | "unit" | "qualifier">): string | null {
  if (!isUnit(row.unit) || !isQualifier(row.qualifier)) return null;
  const quantity = readTypedValue(row.value, row.unit);
  return quantity.ok ? formatFigure(quantity.minor, row.unit, row.qualifier) : null;
}
