import { formatPartialDate } from "@/lib/domain/partial-date";
import { UNITS, UNIT_VALUES } from "@/lib/domain/units";
import {
  FIGURE_KINDS,
  FIGURE_KIND_LABELS,
  QUALIFIERS,
  QUALIFIER_LABELS,
  SOURCE_COPIES,
  SOURCE_COPY_LABELS,
} from "@/lib/domain/vocabulary";
import { FIGURE_CSV_COLUMNS, type FigureCsvHeader } from "@/lib/figures/export";
import { RECORD_DESCRIPTION, RECORD_KEYWORDS, type RecordFacts } from "./facts";
import { LICENCE, LICENCE_TERMS, RECORD_NAME } from "./licence";

/**
 * The whole dataset's CSV as a Frictionless Tabular Data Package (v1, specs.frictionlessdata.io):
 * what each column holds, its type, unit and constraints, so that tools (Frictionless, Open Knowledge's
 * validators, a researcher's script) can read the CSV and check every row without guessing.
 */

type FieldConstraints = {
  required?: boolean;
  unique?: boolean;
  enum?: readonly string[];
  /** Table Schema patterns are matched against the whole value (XML Schema regular expressions). */
  pattern?: string;
  minimum?: number;
};

export type TableSchemaField = {
  name: FigureCsvHeader;
  title: string;
  description: string;
  type: "string" | "number";
  format?: "default" | "uri";
  constraints?: FieldConstraints;
};

/** A record's id: lower-case letters, digits and hyphens (lib/validation/fields.ts). */
const ID = "[a-z0-9][a-z0-9-]*";
/** A date as precise as its source gives it (lib/domain/partial-date.ts). */
export const PARTIAL_DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";

const listed = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([value, label]) => `${value} (${label})`)
    .join(", ");

/**
 * Every column of the CSV, described once. A column added to the CSV without a description here
 * fails the type check: the package cannot fall behind the file it describes.
 */
function describeColumns(facts: RecordFacts): Record<FigureCsvHeader, Omit<TableSchemaField, "name">> {
  return {
    id: {
      title: "Figure",
      description:
        "The figure's permanent id: its card is at /embed/figure/<id>, its citation at /api/figures/<id>/citation.bib.",
      type: "string",
      constraints: { required: true, unique: true, pattern: ID },
    },
    kind: {
      title: "Kind",
      description: `What kind of figure: ${listed(FIGURE_KIND_LABELS)}.`,
      type: "string",
      constraints: { required: true, enum: FIGURE_KINDS },
    },
    metric: {
      title: "Metric",
      description:
        "What is counted, by id: arrested, charged, cash, cocaine… The id never changes; its name is in metric_label.",
      type: "string",
      constraints: { required: true, enum: facts.metrics.map((metric) => metric.id) },
    },
    metric_label: {
      title: "Metric name",
      description: `What is counted, as the record names it now (an admin may rename a metric; its id stays): ${facts.metrics.map((metric) => metric.label).join(", ")}.`,
      type: "string",
      constraints: { required: true, enum: facts.metrics.map((metric) => metric.label) },
    },
    label: {
      title: "Label",
      description: "What the figure is, in the record's words.",
      type: "string",
      constraints: { required: true },
    },
    value: {
      title: "Value",
      description:
        "The exact value, never rounded, in the row's unit (the unit column): pounds and euros to the penny or cent, kilograms to the gram, counts as whole numbers. Read it with the qualifier: a value qualified more-than is a lower bound.",
      type: "number",
      constraints: { required: true, minimum: 0 },
    },
    unit: {
      title: "Unit",
      description: `The unit of value: ${listed(Object.fromEntries(UNIT_VALUES.map((unit) => [unit, UNITS[unit].label])))}.`,
      type: "string",
      constraints: { required: true, enum: UNIT_VALUES },
    },
    qualifier: {
      title: "Qualifier",
      description: `How the source qualified its number: ${listed(QUALIFIER_LABELS)}.`,
      type: "string",
      constraints: { required: true, enum: QUALIFIERS },
    },
    as_reported: {
      title: "As reported",
      description: "The value as readers read it, with its qualifier and unit: “over £54 million”, “2,864”.",
      type: "string",
      constraints: { required: true },
    },
    as_of: {
      title: "Date described",
      description:
        "The date the figure describes, as precise as its source gives it: a year (2021), a month (2020-07) or a day (2020-07-02). No day is ever invented.",
      type: "string",
      constraints: { required: true, pattern: PARTIAL_DATE_PATTERN },
    },
    area: {
      title: "Area",
      description: `Where the figure counts, by id: ${listed(Object.fromEntries(facts.areas.map((area) => [area.id, area.label])))}. The id never changes; its name is in area_label.`,
      type: "string",
      constraints: { required: true, enum: facts.areas.map((area) => area.id) },
    },
    area_label: {
      title: "Area name",
      description: "Where the figure counts, as the record names it now (an admin may rename an area; its id stays).",
      type: "string",
      constraints: { required: true, enum: facts.areas.map((area) => area.label) },
    },
    agency: {
      title: "Agency",
      description:
        "The agency that reported or achieved the figure, by id (listed at /agencies); empty when the source names none.",
      type: "string",
      constraints: { pattern: ID },
    },
    source: {
      title: "Source",
      description: "The publisher of the report the figure was taken from. The figure's words belong to it.",
      type: "string",
      constraints: { required: true },
    },
    source_url: {
      title: "Source address",
      description: "The address of that report.",
      type: "string",
      format: "uri",
      constraints: { required: true },
    },
    source_copy: {
      title: "Original or mirror",
      description: `Whether the report is the original or a copy of another outlet's story: ${listed(SOURCE_COPY_LABELS)}.`,
      type: "string",
      constraints: { required: true, enum: SOURCE_COPIES },
    },
    quote: {
      title: "The source's words",
      description: "The words of the source the figure was read from, quoted to cite it; they belong to the source.",
      type: "string",
      constraints: { required: true },
    },
    note: {
      title: "Note",
      description:
        "What the record adds: how the figure was read, what it includes or leaves out. Empty when there is nothing to add.",
      type: "string",
    },
    conflicts_with: {
      title: "Disagrees with",
      description:
        "The ids of figures from other sources that disagree with this one, separated by spaces; empty when none do.",
      type: "string",
      constraints: { pattern: `${ID}( ${ID})*` },
    },
  };
}

function webAddress(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}

export function figuresDataPackage(facts: RecordFacts, site: string) {
  const columns = describeColumns(facts);
  const licences = [{ name: LICENCE.id, title: LICENCE.title, path: LICENCE.url }];
  const sources = facts.sources
    .filter((source) => webAddress(source.url))
    .map((source) => ({
      title: [source.publisher, source.publishedOn ? formatPartialDate(source.publishedOn) : null, source.title]
        .filter(Boolean)
        .join(", "),
      path: source.url,
    }));
  return {
    profile: "tabular-data-package",
    name: "operation-venetic-figures",
    id: `${site}/api/datapackage.json`,
    title: RECORD_NAME,
    description: `${RECORD_DESCRIPTION}\n\n${LICENCE_TERMS}`,
    homepage: `${site}/`,
    // The record's revision log numbers every change: this package describes the record at that revision.
    version: String(facts.revision),
    ...(facts.revisedAt ? { created: facts.revisedAt.toISOString() } : {}),
    keywords: RECORD_KEYWORDS,
    licenses: licences,
    contributors: [{ title: RECORD_NAME, path: `${site}/`, role: "publisher" }],
    ...(sources.length > 0 ? { sources } : {}),
    resources: [
      {
        name: "figures",
        title: "Every reported figure",
        description:
          "One row per figure, oldest date first. UTF-8 with a byte-order mark, so spreadsheets read “£” correctly; a text cell that a spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a carriage return) starts with an apostrophe.",
        path: `${site}/api/figures.csv`,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        licenses: licences,
        dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: FIGURE_CSV_COLUMNS.map(({ header }) => ({ name: header, ...columns[header] })),
          primaryKey: "id",
          missingValues: [""],
        },
      },
    ],
  };
}

export type FiguresDataPackage = ReturnType<typeof figuresDataPackage>;
