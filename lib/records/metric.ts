import { z } from "zod";
import { UNITS, UNIT_VALUES } from "@/lib/domain/units";
import { FIGURE_KIND_LABELS, FIGURE_KINDS, type FigureKind } from "@/lib/domain/vocabulary";
import { requiredText, type FieldErrors } from "@/lib/validation/fields";
import { chosenFrom, defineRecord, field, LIST_SIZE, objectOf, searchIn } from "./define";
import { choicesOf } from "./form-options";
import { chartsNaming, figuresOf, labelClash, listed } from "./references";
import { versionedTable } from "./versioned";

const UNITS_MISSING = "Choose at least one unit.";

const fields = {
  label: field(requiredText(200, "The name"), {
    label: "Name",
    hint: "As readers see it in the figures table, its filters, charts and downloads. Renaming it keeps its id.",
  }),
  kind: field(z.enum(FIGURE_KINDS, "Choose the kind of figure it counts."), {
    label: "Kind",
    options: choicesOf(FIGURE_KIND_LABELS),
  }),
  // Required (a form with no box ticked sends nothing), then read as a list of the known units.
  units: field(
    chosenFrom(z.string({ message: UNITS_MISSING }).max(400), "units", UNIT_VALUES).refine(Boolean, UNITS_MISSING),
    {
      label: "Units",
      hint: "The units its figures may be counted in; the first is the one a new figure starts with.",
      options: UNIT_VALUES.map((unit) => ({ value: unit, label: UNITS[unit].label })),
      multiple: true,
    },
  ),
};

export const metricSchema = objectOf(fields);

/** What a figure counts: part of the record's vocabulary, which only an admin changes. */
export const metricRecord = defineRecord({
  noun: "metric",
  plural: "Metrics",
  path: "/admin/metrics",
  role: "admin",
  fields,
  schema: metricSchema,
  store: versionedTable((tx) => tx.metric),
  // Its id names it in addresses, filters and downloads: made from its first name, then never changed.
  idFrom: (metric) => [metric.label, "metric"],
  // A unit its figures are counted in stays, or they would no longer match their metric.
  checkReferences: async (tx, metric, id) => {
    const errors: FieldErrors = {};
    const clash = labelClash(
      "metric",
      await tx.metric.findMany({ select: { id: true, label: true } }),
      metric.label,
      id,
    );
    if (clash) errors.label = [clash];
    if (id !== undefined) {
      const units = metric.units.split(",");
      const stranded = await tx.figure.findMany({
        where: { metricId: id, unit: { notIn: units } },
        select: { id: true, label: true, unit: true },
        orderBy: { id: "asc" },
      });
      if (stranded.length) {
        const dropped = [...new Set(stranded.map((figure) => figure.unit))];
        errors.units = [
          `Keep ${dropped.join(" and ")}: ${listed("figure", stranded)} ${stranded.length === 1 ? "is" : "are"} counted in ${dropped.length === 1 ? "it" : "them"}. Change those figures first.`,
        ];
      }
    }
    return Object.keys(errors).length ? errors : null;
  },
  deleteBlockers: async (tx, id) => {
    const found = [...(await figuresOf(tx, { metricId: id })), ...(await chartsNaming(tx, "metrics", id))];
    return found.length ? `This metric is still used by ${found.join("; ")}. Change them first.` : null;
  },
  list: {
    filter: { label: "Kind", choices: FIGURE_KIND_LABELS },
    find: async (db, { q, kind }) => {
      const metrics = await db.metric.findMany({
        where: { ...(kind ? { kind } : {}), ...searchIn(q, ["label", "id"]) },
        orderBy: [{ label: "asc" }, { id: "asc" }],
        take: LIST_SIZE,
        select: {
          id: true,
          label: true,
          kind: true,
          units: true,
          updatedAt: true,
          _count: { select: { figures: true } },
        },
      });
      return metrics.map((metric) => ({
        id: metric.id,
        title: metric.label,
        detail: [
          metric.id,
          FIGURE_KIND_LABELS[metric.kind as FigureKind] ?? metric.kind,
          metric.units.split(",").join(", "),
          `${metric._count.figures} figures`,
        ].join(" · "),
        updatedAt: metric.updatedAt.toISOString(),
      }));
    },
  },
});
