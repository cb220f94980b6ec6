import { z } from "zod";
import { UNIT_VALUES } from "@/lib/domain/units";
import { FIGURE_KINDS, JURISDICTIONS, QUALIFIERS, SOURCE_COPIES, SOURCE_KINDS } from "@/lib/domain/vocabulary";
import { SEEDED_AGENCY_KIND_IDS } from "./agency-kinds";
import { optionalText, partialDate, recordId, requiredText, webAddress } from "@/lib/validation/fields";

/**
 * The shape of prisma/data/reported-figures.json (described in its README). The seed refuses a
 * file that does not match, naming the entry and the field, rather than importing half of it.
 */
const source = z.object({
  id: recordId,
  publisher: requiredText(200, "The publisher"),
  title: optionalText(500, "The title"),
  url: webAddress,
  publishedOn: partialDate.nullable(),
  dateNote: optionalText(1000, "The date note"),
  kind: z.enum(SOURCE_KINDS),
  copy: z.enum(SOURCE_COPIES),
  copyOf: optionalText(200, "The original outlet"),
  note: optionalText(2000, "The note", { lines: "many" }),
});

const figure = z.object({
  id: recordId,
  sourceId: recordId,
  asOf: partialDate,
  geography: recordId,
  agencyId: recordId.nullable(),
  kind: z.enum(FIGURE_KINDS),
  metric: recordId,
  value: z.number().nonnegative().finite(),
  unit: z.enum(UNIT_VALUES),
  qualifier: z.enum(QUALIFIERS),
  label: requiredText(200, "The label"),
  quote: requiredText(2000, "The quote", { lines: "many" }),
  note: optionalText(2000, "The note", { lines: "many" }),
  conflictsWith: z.array(recordId),
});

const agency = z.object({
  id: recordId,
  name: requiredText(200, "The name"),
  shortName: optionalText(60, "The short name"),
  kind: z.enum(SEEDED_AGENCY_KIND_IDS),
  country: z.string().regex(/^[A-Z]{2}$/, "Use a two-letter country code."),
  role: requiredText(2000, "The role", { lines: "many" }),
});

const ruling = z.object({
  id: recordId,
  date: partialDate.nullable(),
  court: requiredText(200, "The court"),
  courtId: recordId.nullable(),
  case: optionalText(300, "The case"),
  jurisdiction: z.enum(JURISDICTIONS),
  outcome: requiredText(3000, "The outcome", { lines: "many" }),
  sourceId: recordId,
  note: optionalText(2000, "The note", { lines: "many" }),
});

const person = z.object({
  id: recordId,
  name: requiredText(200, "The name"),
  role: requiredText(300, "The role"),
  agencyId: recordId.nullable(),
  sourceId: recordId,
});

const labelled = z.object({ value: z.string().min(1), label: z.string().min(1) });

export const datasetSchema = z.object({
  sources: z.array(source),
  figures: z.array(figure),
  agencies: z.array(agency),
  rulings: z.array(ruling),
  people: z.array(person),
  vocabulary: z.object({
    geography: z.array(labelled),
    metric: z.array(labelled.extend({ kind: z.enum(FIGURE_KINDS), units: z.array(z.enum(UNIT_VALUES)).min(1) })),
    unit: z.array(labelled),
    qualifier: z.array(labelled),
    jurisdiction: z.array(labelled),
  }),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetFigure = Dataset["figures"][number];

/** The founding article's source: ITV News, 2 July 2020. */
export const FOUNDING_SOURCE_ID = "itv-2020-07-02";

/** Parses the dataset and checks that every reference points at an entry that exists. */
export function parseDataset(json: unknown): Dataset {
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The dataset is not valid at ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const dataset = parsed.data;
  const ids = (entries: { id: string }[]) => new Set(entries.map((entry) => entry.id));
  const sources = ids(dataset.sources);
  const agencies = ids(dataset.agencies);
  const figures = ids(dataset.figures);
  const metrics = new Map(dataset.vocabulary.metric.map((metric) => [metric.value, metric]));
  const geographies = new Set(dataset.vocabulary.geography.map((geography) => geography.value));
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => ok || problems.push(problem);

  for (const figure of dataset.figures) {
    const metric = metrics.get(figure.metric);
    expect(sources.has(figure.sourceId), `figure ${figure.id} cites unknown source ${figure.sourceId}`);
    expect(
      figure.agencyId === null || agencies.has(figure.agencyId),
      `figure ${figure.id} names unknown agency ${figure.agencyId}`,
    );
    expect(geographies.has(figure.geography), `figure ${figure.id} has unknown geography ${figure.geography}`);
    expect(metric !== undefined, `figure ${figure.id} has unknown metric ${figure.metric}`);
    expect(
      !metric || metric.kind === figure.kind,
      `figure ${figure.id} is a ${figure.kind} but its metric is a ${metric?.kind}`,
    );
    expect(
      !metric || metric.units.includes(figure.unit),
      `figure ${figure.id} uses unit ${figure.unit}, not allowed for ${figure.metric}`,
    );
    for (const other of figure.conflictsWith) {
      expect(figures.has(other), `figure ${figure.id} conflicts with unknown figure ${other}`);
    }
  }
  for (const ruling of dataset.rulings) {
    expect(sources.has(ruling.sourceId), `ruling ${ruling.id} cites unknown source ${ruling.sourceId}`);
    expect(
      ruling.courtId === null || agencies.has(ruling.courtId),
      `ruling ${ruling.id} names unknown court ${ruling.courtId}`,
    );
  }
  for (const person of dataset.people) {
    expect(sources.has(person.sourceId), `person ${person.id} cites unknown source ${person.sourceId}`);
    expect(
      person.agencyId === null || agencies.has(person.agencyId),
      `person ${person.id} names unknown agency ${person.agencyId}`,
    );
  }
  if (problems.length > 0) throw new Error(`The dataset has broken references:\n- ${problems.join("\n- ")}`);
  return dataset;
}
