import { z } from "zod";
import { formatMinor, parseQuantity } from "@/lib/domain/quantity";
import { isUnit, UNITS, UNIT_VALUES } from "@/lib/domain/units";
import {
  FIGURE_KIND_LABELS,
  FIGURE_KINDS,
  QUALIFIER_LABELS,
  QUALIFIERS,
  type FigureKind,
} from "@/lib/domain/vocabulary";
import { figureValueLine, figureValueLineSelect } from "@/lib/figures/view";
import {
  choice,
  optionalChoice,
  optionalText,
  partialDate,
  requiredText,
  type FieldErrors,
} from "@/lib/validation/fields";
import { looksLikeDigits, readTypedValue } from "@/lib/releases/typed-value";
import { asText, defineRecord, field, LIST_SIZE, objectOf, searchIn } from "./define";
import { agencyOptions, choicesOf, DATE_HINT, sourceOptions, type FormOptions } from "./form-options";
import { versionedTable } from "./versioned";

/**
 * A reported number, as typed: read against its unit once the unit is known (figureSchema). Digits
 * are checked here too, by the widest unit (kilograms, 3 decimals), so that a malformed number is
 * marked even while another field is wrong.
 */
const quantityText = z
  .string({ message: "Enter a number." })
  .trim()
  .min(1, { message: "Enter a number.", abort: true })
  .max(40, { message: "Enter the number in at most 40 characters.", abort: true })
  .superRefine((value, context) => {
    const result = looksLikeDigits(value) ? parseQuantity(value, "kg") : null;
    if (result && !result.ok) context.addIssue({ code: "custom", message: result.message });
  });

const fields = {
  metricId: field(choice("Choose what the figure counts."), {
    label: "What it counts",
    options: (lists) =>
      lists.metrics.map((metric) => ({
        value: metric.id,
        label: `${metric.label} (${metric.units.split(",").join(", ")})`,
        group: FIGURE_KIND_LABELS[metric.kind as FigureKind] ?? metric.kind,
      })),
  }),
  value: field(quantityText, {
    label: "Value",
    hint: "As reported: 54000000, 1,234.5, £54m, 19 million or 3 tonnes. The value stored is shown below it.",
  }),
  unit: field(z.enum(UNIT_VALUES, "Choose a unit from the list."), {
    label: "Unit",
    options: UNIT_VALUES.map((unit) => ({ value: unit, label: UNITS[unit].label })),
  }),
  qualifier: field(z.enum(QUALIFIERS, "Choose how the source qualified the number."), {
    label: "Qualifier",
    options: choicesOf(QUALIFIER_LABELS),
    // Asked, never assumed: "more than £19 million" saved as exact is the commonest slip.
    hint: "How the source put it: “over £54 million” is “More than”; a plain “£54 million” is “Stated without qualifier”.",
  }),
  geographyId: field(choice("Choose the area the figure covers."), {
    label: "Area",
    options: (lists) => lists.geographies.map((area) => ({ value: area.id, label: area.label })),
  }),
  agencyId: field(optionalChoice(), { label: "Agency", options: agencyOptions }),
  asOf: field(partialDate, { label: "Date it describes", hint: DATE_HINT }),
  sourceId: field(choice("Choose the source that reported it."), { label: "Source", options: sourceOptions }),
  label: field(requiredText(200, "The label"), { label: "Label" }),
  quote: field(requiredText(2000, "The quote", { lines: "many" }), { label: "The source's words" }),
  note: field(optionalText(2000, "The note", { lines: "many" }), { label: "Note" }),
};

/** The typed value is checked against its unit, and kept as its exact integer, valueMinor. */
export const figureSchema = objectOf(fields).transform((figure, context) => {
  const quantity = isUnit(figure.unit) ? readTypedValue(figure.value, figure.unit) : null;
  if (!quantity?.ok) {
    context.addIssue({ code: "custom", path: ["value"], message: quantity?.message ?? "Choose a unit first." });
    return z.NEVER;
  }
  return { ...figure, valueMinor: quantity.minor };
});

type FigureData = Omit<z.output<typeof figureSchema>, "value">;

/** What the next figure of the same release shares with the one just saved. */
export const FIGURE_FIELDS_KEPT_FOR_ANOTHER = ["sourceId", "asOf", "geographyId", "agencyId", "quote"] as const;

/** The units each metric is counted in, for the form in which the unit follows the metric. */
export function metricUnitsOf(options: FormOptions): Record<string, string[]> {
  return Object.fromEntries(options.metrics.map((metric) => [metric.id, metric.units.split(",")]));
}

/**
 * A figure as a revision recorded it, for a pinned embed (lib/charts/at-revision.ts). Every
 * change to a figure is a revision holding its columns after the change (the seed wrote one
 * for each figure it imported).
 */
export const figureSnapshot = z.object({
  id: z.string(),
  metricId: z.string(),
  valueMinor: z.union([z.string(), z.number()]).transform((value) => BigInt(value)),
  unit: z.string(),
  qualifier: z.string(),
  geographyId: z.string(),
  agencyId: z.string().nullable(),
  asOf: z.string(),
  sourceId: z.string(),
  label: z.string(),
  quote: z.string(),
  note: z.string().nullable(),
});

export type FigureSnapshot = z.infer<typeof figureSnapshot>;

/** The conflict pairs a figure's snapshot recorded, from either side, as rows to write. */
function conflictPairs(id: string, snapshot: Record<string, unknown>) {
  const rows = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  const orNull = (value: unknown) => asText(value) || null;
  return [
    ...rows(snapshot.conflicts).map((row) => ({
      figureId: id,
      otherFigureId: asText(row.otherFigureId),
      note: orNull(row.note),
    })),
    ...rows(snapshot.conflictedBy).map((row) => ({
      figureId: asText(row.figureId),
      otherFigureId: id,
      note: orNull(row.note),
    })),
  ].filter((pair) => pair.figureId && pair.otherFigureId);
}

export const figureRecord = defineRecord({
  noun: "figure",
  plural: "Figures",
  path: "/admin/figures",
  fields,
  schema: figureSchema,
  // A figure's conflict pairs vanish with it; its snapshot keeps them so that a revert restores them.
  store: versionedTable((tx) => tx.figure, {
    include: {
      conflicts: { select: { otherFigureId: true, note: true } },
      conflictedBy: { select: { figureId: true, note: true } },
    },
  }),
  // Typed in full, so that the type checker reads the figure's data from what this returns.
  toData: (figure: z.output<typeof figureSchema>): FigureData => {
    const { value: typed, ...data } = figure;
    void typed;
    return data;
  },
  toFormValues: (record, values) => {
    const unit = asText(record.unit);
    const minor = record.valueMinor;
    const value =
      isUnit(unit) && (typeof minor === "bigint" || typeof minor === "string" || typeof minor === "number")
        ? formatMinor(BigInt(minor), unit)
        : asText(minor);
    return { ...values, value };
  },
  fromSnapshot: (snapshot, columns) => {
    const { value: typed, ...stored } = columns;
    void typed;
    return { ...(stored as Omit<FigureData, "valueMinor">), valueMinor: BigInt(asText(snapshot.valueMinor) || "0") };
  },
  // As the dataset names figures: the source's id and the metric's, then the area, for two of one source.
  idFrom: (figure) => [
    `${figure.sourceId}-${figure.metricId}`,
    `${figure.sourceId}-${figure.metricId}-${figure.geographyId}`,
  ],
  // A figure's unit must also be one its metric is counted in.
  checkReferences: async (tx, figure) => {
    const errors: FieldErrors = {};
    const metric = await tx.metric.findUnique({ where: { id: figure.metricId }, select: { units: true, label: true } });
    if (!metric) errors.metricId = ["Choose what the figure counts from the list."];
    else if (!metric.units.split(",").includes(figure.unit)) {
      errors.unit = [`“${metric.label}” is counted in ${metric.units.split(",").join(" or ")}.`];
    }
    if (!(await tx.geography.findUnique({ where: { id: figure.geographyId }, select: { id: true } }))) {
      errors.geographyId = ["Choose an area from the list."];
    }
    if (figure.agencyId && !(await tx.agency.findUnique({ where: { id: figure.agencyId }, select: { id: true } }))) {
      errors.agencyId = ["Choose an agency from the list, or none."];
    }
    if (!(await tx.source.findUnique({ where: { id: figure.sourceId }, select: { id: true } }))) {
      errors.sourceId = ["Choose a source from the list."];
    }
    return Object.keys(errors).length ? errors : null;
  },
  restoreLinks: async (tx, id, snapshot) => {
    const pairs = conflictPairs(id, snapshot);
    const others = await tx.figure.findMany({
      where: { id: { in: pairs.map((pair) => (pair.figureId === id ? pair.otherFigureId : pair.figureId)) } },
      select: { id: true },
    });
    const existing = new Set(others.map((other) => other.id));
    for (const pair of pairs) {
      if (!existing.has(pair.figureId === id ? pair.otherFigureId : pair.figureId)) continue;
      await tx.figureConflict.upsert({
        where: { figureId_otherFigureId: { figureId: pair.figureId, otherFigureId: pair.otherFigureId } },
        create: pair,
        update: {},
      });
    }
  },
  list: {
    filter: { label: "Kind", choices: FIGURE_KIND_LABELS },
    find: async (db, { q, kind }) => {
      const figures = await db.figure.findMany({
        where: {
          ...(kind ? { metric: { kind } } : {}),
          ...searchIn(
            q,
            ["label", "id", "quote", "note"],
            [{ source: { publisher: { contains: q } } }, { source: { title: { contains: q } } }],
          ),
        },
        orderBy: [{ asOf: "desc" }, { id: "asc" }],
        take: LIST_SIZE,
        select: { id: true, label: true, updatedAt: true, ...figureValueLineSelect },
      });
      return figures.map((figure) => ({
        id: figure.id,
        title: figure.label,
        detail: figureValueLine(figure),
        updatedAt: figure.updatedAt.toISOString(),
      }));
    },
  },
  // Figures are counted by kind, each kind with its own line and filtered list.
  overview: async (db) => {
    const byMetric = await db.metric.findMany({ select: { kind: true, _count: { select: { figures: true } } } });
    const counts: Record<string, number> = {};
    for (const metric of byMetric) counts[metric.kind] = (counts[metric.kind] ?? 0) + metric._count.figures;
    return FIGURE_KINDS.map((kind) => ({
      label: FIGURE_KIND_LABELS[kind],
      count: counts[kind] ?? 0,
      query: `?kind=${kind}`,
    }));
  },
});
