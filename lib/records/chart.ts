import { z } from "zod";
import {
  CHART_BAR_LABELS,
  CHART_GROUPS,
  CHART_PICKS,
  CHART_SORTS,
  CHART_TYPES,
  listOf,
  SERIES_COLOR_NAMES,
  UK_FORCE_AREAS,
  UK_FORCE_AREAS_LABEL,
} from "@/lib/charts/definition";
import { FIGURE_KIND_LABELS, FIGURE_KINDS } from "@/lib/domain/vocabulary";
import { optionalDate, optionalPlace, optionalText, requiredText, type FieldErrors } from "@/lib/validation/fields";
import { choiceList, defineRecord, field, LIST_SIZE, objectOf, searchIn } from "./define";
import { choicesOf, type FieldOption } from "./form-options";
import type { Transaction } from "./versioned";
import { versionedTable } from "./versioned";

/** Addresses under /embed/ that are not charts. */
export const RESERVED_CHART_SLUGS = new Set(["figure", "figures", "new"]);

const SLUG_MESSAGE = "Use lower-case letters, digits and single hyphens, such as uk-cash-seized.";

const slug = z
  .string({ message: SLUG_MESSAGE })
  .trim()
  .min(1, "The address is required.")
  .max(80, "The address is at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, SLUG_MESSAGE)
  .refine((value) => !RESERVED_CHART_SLUGS.has(value), "That address is the site's own: choose another.");

/** One choice from one of the chart's fixed lists, offered with the words the editor reads. */
function fixedChoice(labels: Record<string, string>, message: string, form: { label: string; initial: string }) {
  return field(z.enum(Object.keys(labels) as [string, ...string[]], message), { ...form, options: choicesOf(labels) });
}

const yesNo = (message: string) => z.enum(["true", "false"], message).transform((value) => value === "true");

const fields = {
  title: field(requiredText(200, "The title"), { label: "Title" }),
  slug: field(slug, {
    label: "Address",
    hint: "The chart's page is /charts/<address> and its embed /embed/<address>. It cannot change once published.",
  }),
  takeaway: field(optionalText(300, "The takeaway"), {
    label: "Takeaway",
    hint: "One line under the title. Leave it empty for the line the data gives, which follows every correction.",
  }),
  notes: field(optionalText(1000, "The notes", { lines: "many" }), {
    label: "Notes",
    hint: "Shown under the chart, one note per line.",
  }),
  type: fixedChoice(CHART_TYPES, "Choose the kind of chart.", { label: "Kind of chart", initial: "timeline" }),
  metrics: field(choiceList("metrics"), {
    label: "Metrics",
    hint: "None chosen: every metric (or those of the kinds below). The chosen metrics lead, in this order.",
    options: (lists) => lists.metrics.map((metric) => ({ value: metric.id, label: metric.label, group: metric.kind })),
    multiple: true,
  }),
  kinds: field(choiceList("kinds", FIGURE_KINDS), {
    label: "And every metric of these kinds",
    options: choicesOf(FIGURE_KIND_LABELS),
    multiple: true,
  }),
  areas: field(choiceList("areas"), {
    label: "Areas",
    hint: "None chosen: every area.",
    options: (lists): FieldOption[] => [
      { value: UK_FORCE_AREAS, label: UK_FORCE_AREAS_LABEL },
      ...lists.geographies.map((area) => ({ value: area.id, label: area.label })),
    ],
    multiple: true,
  }),
  agencies: field(choiceList("agencies"), {
    label: "Agencies",
    hint: "None chosen: figures of any agency, or of none.",
    options: (lists) => lists.agencies.map((agency) => ({ value: agency.id, label: agency.name })),
    multiple: true,
  }),
  sources: field(choiceList("sources"), {
    label: "Sources",
    hint: "None chosen: every source.",
    options: (lists) =>
      lists.sources.map((source) => ({
        value: source.id,
        label: `${source.publisher}${source.publishedOn ? `, ${source.publishedOn}` : ""}`,
      })),
    multiple: true,
  }),
  fromDate: field(optionalDate, { label: "From", hint: "YYYY, YYYY-MM or YYYY-MM-DD; empty for the first report." }),
  toDate: field(optionalDate, { label: "To", hint: "Empty for the latest report." }),
  pick: fixedChoice(CHART_PICKS, "Choose which reports.", { label: "Which reports", initial: "every" }),
  groupBy: fixedChoice(CHART_GROUPS, "Choose how figures group.", { label: "Series or panels by", initial: "metric" }),
  sort: fixedChoice(CHART_SORTS, "Choose an order.", { label: "Order of bars", initial: "chosen" }),
  barLabel: fixedChoice(CHART_BAR_LABELS, "Choose what labels a bar.", {
    label: "Each bar is labelled with",
    initial: "metric",
  }),
  colors: field(choiceList("colours", SERIES_COLOR_NAMES).refine(Boolean, "Choose at least one colour."), {
    label: "Series colours",
    hint: "Series and panels take them in this order. Blue, vermillion and green keep their contrast on light and dark pages.",
    options: SERIES_COLOR_NAMES.map((name) => ({ value: name, label: name })),
    multiple: true,
    initial: "blue,vermillion,green",
  }),
  markRulings: field(yesNo("Choose whether court rulings are marked."), {
    label: "Mark court rulings on a timeline",
    options: [
      { value: "false", label: "No" },
      { value: "true", label: "Yes" },
    ],
    initial: "false",
  }),
  published: field(yesNo("Choose whether the chart is public."), {
    label: "Published",
    options: [
      { value: "false", label: "No: a draft only editors see" },
      { value: "true", label: "Yes: on its page, embeds and downloads" },
    ],
    initial: "false",
    hidden: true,
  }),
  dashboardOrder: field(optionalPlace, {
    label: "Place on the dashboard",
    hint: "1 is first. Empty: the dashboard does not show it.",
  }),
};

export const chartSchema = objectOf(fields);

async function missingChoices(tx: Transaction, chart: z.output<typeof chartSchema>): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const check = async (name: keyof typeof chart, ids: string[], found: Promise<{ id: string }[]>, what: string) => {
    const have = new Set((await found).map((row) => row.id));
    if (ids.some((id) => !have.has(id))) errors[name] = [`Choose ${what} from the list: one of them no longer exists.`];
  };
  const where = (ids: string[]) => ({ where: { id: { in: ids } }, select: { id: true } });
  const metrics = listOf(chart.metrics);
  const areas = listOf(chart.areas).filter((id) => id !== UK_FORCE_AREAS);
  const agencies = listOf(chart.agencies);
  const sources = listOf(chart.sources);
  await check("metrics", metrics, tx.metric.findMany(where(metrics)), "metrics");
  await check("areas", areas, tx.geography.findMany(where(areas)), "areas");
  await check("agencies", agencies, tx.agency.findMany(where(agencies)), "agencies");
  await check("sources", sources, tx.source.findMany(where(sources)), "sources");
  return errors;
}

/** Every public address of a chart, as a deleted or unpublished one stops answering them. */
export function publicAddresses(slug: string): string[] {
  return [
    `/charts/${slug}`,
    `/embed/${slug}`,
    ...["csv", "json", "svg", "png"].map((format) => `/api/charts/${slug}.${format}`),
  ];
}

/** Whether the chart has ever been public: then its address is in someone's article. */
export async function everPublished(tx: Transaction, id: string): Promise<boolean> {
  const published = await tx.revision.findFirst({
    where: { recordType: "chart", recordId: id, after: { contains: '"published":true' } },
    select: { id: true },
  });
  return published !== null;
}

export const chartRecord = defineRecord({
  noun: "chart",
  plural: "Charts",
  path: "/admin/charts",
  fields,
  schema: chartSchema,
  store: versionedTable((tx) => tx.chart),
  idFrom: (chart) => [chart.slug],
  checkReferences: async (tx, chart, id) => {
    const errors = await missingChoices(tx, chart);
    const other = await tx.chart.findUnique({ where: { slug: chart.slug }, select: { id: true } });
    if (other && other.id !== id) errors.slug = ["Another chart has this address: choose another."];
    if (id !== undefined) {
      const stored = await tx.chart.findUnique({ where: { id }, select: { slug: true } });
      if (stored && stored.slug !== chart.slug && (await everPublished(tx, id))) {
        errors.slug = [
          `This chart has been published at /charts/${stored.slug}, which articles may link to: its address stays.`,
        ];
      }
    }
    return Object.keys(errors).length ? errors : null;
  },
  deleteBlockers: async (tx, id, values) => {
    if (!values || values.confirmDelete === "yes" || !(await everPublished(tx, id))) return null;
    const stored = await tx.chart.findUnique({ where: { id }, select: { slug: true } });
    return stored
      ? `Nothing was deleted: this chart has been published, and articles may link to or embed it. ${publicAddresses(stored.slug).join(", ")} will answer "not found". Tick the box to confirm, then delete.`
      : null;
  },
  fromSnapshot: (snapshot, columns) =>
    ({
      ...columns,
      metrics: columns.metrics ?? "",
      kinds: columns.kinds ?? "",
      areas: columns.areas ?? "",
      agencies: columns.agencies ?? "",
      sources: columns.sources ?? "",
      colors: columns.colors ?? "blue",
      markRulings: snapshot.markRulings === true,
      published: snapshot.published === true,
      dashboardOrder: typeof snapshot.dashboardOrder === "number" ? snapshot.dashboardOrder : null,
    }) as never,
  list: {
    filter: { label: "Kind of chart", choices: CHART_TYPES },
    find: async (db, { q, kind }) => {
      const charts = await db.chart.findMany({
        where: { ...(kind ? { type: kind } : {}), ...searchIn(q, ["title", "slug", "notes"]) },
        orderBy: [{ dashboardOrder: { sort: "asc", nulls: "last" } }, { title: "asc" }],
        take: LIST_SIZE,
        select: { id: true, title: true, slug: true, published: true, dashboardOrder: true, updatedAt: true },
      });
      return charts.map((chart) => ({
        id: chart.id,
        title: chart.title,
        detail: [
          `/charts/${chart.slug}`,
          chart.published ? "published" : "draft",
          chart.dashboardOrder ? `dashboard place ${chart.dashboardOrder}` : "not on the dashboard",
        ].join(" · "),
        updatedAt: chart.updatedAt.toISOString(),
      }));
    },
  },
});
