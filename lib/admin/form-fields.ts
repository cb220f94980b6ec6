import { UNITS, UNIT_VALUES } from "@/lib/domain/units";
import {
  AGENCY_KIND_LABELS,
  FIGURE_KIND_LABELS,
  JURISDICTION_LABELS,
  QUALIFIER_LABELS,
  SOURCE_COPY_LABELS,
  SOURCE_KIND_LABELS,
  type FigureKind,
} from "@/lib/domain/vocabulary";
import type { EditableRecordType } from "@/lib/validation/records";

/** One field of an admin form, as plain data the server page hands to the client form. */
export type FieldSpec = {
  name: string;
  label: string;
  kind: "text" | "textarea" | "select";
  required: boolean;
  hint?: string;
  options?: { value: string; label: string; group?: string }[];
  /** The longest text the schema accepts, so the browser stops there too. */
  maxLength?: number;
};

export type FormOptions = {
  metrics: { id: string; label: string; kind: string; units: string }[];
  geographies: { id: string; label: string }[];
  agencies: { id: string; name: string }[];
  sources: { id: string; publisher: string; title: string | null; publishedOn: string | null }[];
};

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source, no more.";

function sourceOptions(options: FormOptions) {
  return options.sources.map((source) => ({
    value: source.id,
    label:
      `${source.publisher}${source.publishedOn ? `, ${source.publishedOn}` : ""}${source.title ? `: ${source.title}` : ""}`.slice(
        0,
        140,
      ),
  }));
}

function agencyOptions(options: FormOptions) {
  return [
    { value: "", label: "None" },
    ...options.agencies.map((agency) => ({ value: agency.id, label: agency.name })),
  ];
}

export function fieldsFor(recordType: EditableRecordType, options: FormOptions): FieldSpec[] {
  switch (recordType) {
    case "figure":
      return [
        {
          name: "metricId",
          label: "What it counts",
          kind: "select",
          required: true,
          options: options.metrics.map((metric) => ({
            value: metric.id,
            label: `${metric.label} (${metric.units.split(",").join(", ")})`,
            group: FIGURE_KIND_LABELS[metric.kind as FigureKind] ?? metric.kind,
          })),
        },
        {
          name: "value",
          label: "Value",
          kind: "text",
          required: true,
          maxLength: 40,
          hint: "Digits as reported, e.g. 54000000 or 1,234.56; no words or symbols.",
        },
        {
          name: "unit",
          label: "Unit",
          kind: "select",
          required: true,
          options: UNIT_VALUES.map((unit) => ({ value: unit, label: UNITS[unit].label })),
        },
        {
          name: "qualifier",
          label: "Qualifier",
          kind: "select",
          required: true,
          options: choices(QUALIFIER_LABELS),
          hint: "“Over £54 million” is “More than”, not exact.",
        },
        {
          name: "geographyId",
          label: "Area",
          kind: "select",
          required: true,
          options: options.geographies.map((area) => ({ value: area.id, label: area.label })),
        },
        { name: "agencyId", label: "Agency", kind: "select", required: false, options: agencyOptions(options) },
        { name: "asOf", label: "Date it describes", kind: "text", required: true, maxLength: 10, hint: DATE_HINT },
        { name: "sourceId", label: "Source", kind: "select", required: true, options: sourceOptions(options) },
        { name: "label", label: "Label", kind: "text", required: true, maxLength: 200 },
        { name: "quote", label: "The source's words", kind: "textarea", required: true, maxLength: 2000 },
        { name: "note", label: "Note", kind: "textarea", required: false, maxLength: 2000 },
      ];
    case "source":
      return [
        { name: "publisher", label: "Publisher", kind: "text", required: true, maxLength: 200 },
        { name: "title", label: "Title", kind: "text", required: false, maxLength: 500 },
        {
          name: "url",
          label: "Address (URL)",
          kind: "text",
          required: true,
          maxLength: 2000,
          hint: "A full address starting with https://",
        },
        { name: "publishedOn", label: "Published on", kind: "text", required: false, maxLength: 10, hint: DATE_HINT },
        { name: "dateNote", label: "Note on the date", kind: "text", required: false, maxLength: 1000 },
        { name: "kind", label: "Kind", kind: "select", required: true, options: choices(SOURCE_KIND_LABELS) },
        {
          name: "copy",
          label: "Original or mirror",
          kind: "select",
          required: true,
          options: choices(SOURCE_COPY_LABELS),
        },
        {
          name: "copyOf",
          label: "Mirrors the story of",
          kind: "text",
          required: false,
          maxLength: 200,
          hint: "Only for a mirror: the outlet it rewrites.",
        },
        { name: "note", label: "Note", kind: "textarea", required: false, maxLength: 2000 },
      ];
    case "agency":
      return [
        { name: "name", label: "Name", kind: "text", required: true, maxLength: 200 },
        { name: "shortName", label: "Short name", kind: "text", required: false, maxLength: 60 },
        { name: "kind", label: "Kind", kind: "select", required: true, options: choices(AGENCY_KIND_LABELS) },
        {
          name: "country",
          label: "Country",
          kind: "text",
          required: true,
          maxLength: 2,
          hint: "Two-letter code: GB, FR, NL, or EU.",
        },
        { name: "role", label: "Role", kind: "textarea", required: true, maxLength: 2000 },
      ];
    case "ruling":
      return [
        { name: "date", label: "Date", kind: "text", required: false, maxLength: 10, hint: DATE_HINT },
        { name: "court", label: "Court", kind: "text", required: true, maxLength: 200 },
        {
          name: "courtId",
          label: "Court (as an agency)",
          kind: "select",
          required: false,
          options: agencyOptions(options),
        },
        { name: "caseName", label: "Case", kind: "text", required: false, maxLength: 300 },
        {
          name: "jurisdiction",
          label: "Jurisdiction",
          kind: "select",
          required: true,
          options: choices(JURISDICTION_LABELS),
        },
        { name: "outcome", label: "Outcome", kind: "textarea", required: true, maxLength: 3000 },
        { name: "sourceId", label: "Source", kind: "select", required: true, options: sourceOptions(options) },
        { name: "note", label: "Note", kind: "textarea", required: false, maxLength: 2000 },
      ];
  }
}

/** A new record's form starts blank, with the fixed lists at their most common choice. */
export function blankValues(recordType: EditableRecordType, fields: FieldSpec[]): Record<string, string> {
  const values = Object.fromEntries(fields.map((field) => [field.name, ""]));
  if (recordType === "figure") return { ...values, qualifier: "exact" };
  if (recordType === "source") return { ...values, copy: "original" };
  return values;
}

/** The filter each admin list offers, over the record type's own fixed list. */
export const LIST_FILTERS: Record<EditableRecordType, { label: string; choices: Record<string, string> }> = {
  figure: { label: "Kind", choices: FIGURE_KIND_LABELS },
  source: { label: "Kind", choices: SOURCE_KIND_LABELS },
  agency: { label: "Kind", choices: AGENCY_KIND_LABELS },
  ruling: { label: "Jurisdiction", choices: JURISDICTION_LABELS },
};
