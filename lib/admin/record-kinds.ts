import type { PrismaClient } from "@/lib/db/client";
import { formatMinor } from "@/lib/domain/quantity";
import { isUnit } from "@/lib/domain/units";
import type {
  AgencyInput,
  EditableRecordType,
  FieldErrors,
  FigureInput,
  RulingInput,
  SourceInput,
} from "@/lib/validation/records";

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** A stored record as the admin sees it: its columns, as the database returns them. */
export type StoredRecord = { id: string; version: number } & Record<string, unknown>;

/** What a record's form shows, field by field: text, as typed. */
export type FormValues = Record<string, string>;

/**
 * How the admin stores one editable record type: the same create, edit, delete, history and
 * revert code works for all four through these.
 */
export type RecordKind<Input, Data> = {
  type: EditableRecordType;
  /** "figure", "source"... as an editor reads it in a message. */
  noun: string;
  /** The form's fields, in the order a diff lists them. */
  fields: string[];
  toData: (input: Input) => Data;
  /** The stored columns a snapshot holds, back as data to write (for a revert). */
  fromSnapshot: (snapshot: Record<string, unknown>) => Data;
  toFormValues: (record: Record<string, unknown>) => FormValues;
  /** References that must exist (and a figure's unit must suit its metric). */
  checkReferences: (tx: Transaction, data: Data) => Promise<FieldErrors | null>;
  /** Why the record cannot be deleted (other records still point at it), or null. */
  deleteBlockers: (tx: Transaction, id: string) => Promise<string | null>;
  find: (tx: Transaction, id: string) => Promise<StoredRecord | null>;
  create: (tx: Transaction, data: Data, id?: string) => Promise<StoredRecord>;
  /** Writes only when the stored version is still `version`; returns how many rows changed. */
  update: (tx: Transaction, id: string, version: number, data: Data) => Promise<number>;
  remove: (tx: Transaction, id: string, version: number) => Promise<number>;
  /**
   * After a deleted record comes back: the links to other records that went with it (and are
   * kept in its snapshot by `find`), put back where the other side still exists.
   */
  restoreLinks?: (tx: Transaction, id: string, snapshot: Record<string, unknown>) => Promise<void>;
};

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value));
const nullable = (value: unknown): string | null =>
  value === null || value === undefined || value === "" ? null : String(value);

function pick<K extends string>(record: Record<string, unknown>, keys: readonly K[]): Record<K, string | null> {
  return Object.fromEntries(keys.map((key) => [key, nullable(record[key])])) as Record<K, string | null>;
}

function formValuesOf(fields: readonly string[]) {
  return (record: Record<string, unknown>): FormValues =>
    Object.fromEntries(fields.map((field) => [field, text(record[field])]));
}

function listed(noun: string, rows: { id: string; label: string }[]): string {
  const shown = rows.slice(0, 5).map((row) => `“${row.label}” (${row.id})`);
  const more = rows.length > 5 ? ` and ${rows.length - 5} more` : "";
  return `${rows.length} ${noun}${rows.length === 1 ? "" : "s"}: ${shown.join(", ")}${more}`;
}

async function citations(tx: Transaction, where: { sourceId: string } | { agencyId: string }): Promise<string[]> {
  const figures = await tx.figure.findMany({ where, select: { id: true, label: true }, orderBy: { id: "asc" } });
  const people = await tx.person.findMany({ where, select: { id: true, name: true }, orderBy: { id: "asc" } });
  const found: string[] = [];
  if (figures.length) found.push(listed("figure", figures));
  if (people.length)
    found.push(
      listed(
        "person",
        people.map((person) => ({ id: person.id, label: person.name })),
      ),
    );
  return found;
}

const FIGURE_FIELDS = [
  "metricId",
  "value",
  "unit",
  "qualifier",
  "geographyId",
  "agencyId",
  "asOf",
  "sourceId",
  "label",
  "quote",
  "note",
] as const;
type FigureData = Omit<FigureInput, "value">;

export const figureKind: RecordKind<FigureInput, FigureData> = {
  type: "figure",
  noun: "figure",
  fields: [...FIGURE_FIELDS],
  // The typed text is kept only as its exact integer, valueMinor.
  toData: (figure) => {
    const { value, ...data } = figure;
    void value;
    return data;
  },
  fromSnapshot: (snapshot) => {
    const columns = pick(snapshot, [
      "metricId",
      "unit",
      "qualifier",
      "geographyId",
      "agencyId",
      "asOf",
      "sourceId",
      "label",
      "quote",
      "note",
    ]);
    return {
      ...columns,
      metricId: columns.metricId ?? "",
      unit: columns.unit as FigureData["unit"],
      qualifier: columns.qualifier as FigureData["qualifier"],
      geographyId: columns.geographyId ?? "",
      asOf: columns.asOf ?? "",
      sourceId: columns.sourceId ?? "",
      label: columns.label ?? "",
      quote: columns.quote ?? "",
      valueMinor: BigInt(text(snapshot.valueMinor) || "0"),
    };
  },
  toFormValues: (record) => {
    const unit = text(record.unit);
    const minor = record.valueMinor;
    const value =
      isUnit(unit) && (typeof minor === "bigint" || typeof minor === "string" || typeof minor === "number")
        ? formatMinor(BigInt(minor), unit)
        : text(minor);
    return { ...formValuesOf(FIGURE_FIELDS)(record), value };
  },
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
  deleteBlockers: async () => null,
  // A figure's conflict pairs vanish with it; its snapshot keeps them so that a revert restores them.
  find: (tx, id) =>
    tx.figure.findUnique({
      where: { id },
      include: {
        conflicts: { select: { otherFigureId: true, note: true } },
        conflictedBy: { select: { figureId: true, note: true } },
      },
    }),
  create: (tx, data, id) => tx.figure.create({ data: { ...data, id } }),
  update: async (tx, id, version, data) =>
    (await tx.figure.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count,
  remove: async (tx, id, version) => (await tx.figure.deleteMany({ where: { id, version } })).count,
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
};

/** The conflict pairs a figure's snapshot recorded, from either side, as rows to write. */
function conflictPairs(id: string, snapshot: Record<string, unknown>) {
  const rows = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  return [
    ...rows(snapshot.conflicts).map((row) => ({
      figureId: id,
      otherFigureId: text(row.otherFigureId),
      note: nullable(row.note),
    })),
    ...rows(snapshot.conflictedBy).map((row) => ({
      figureId: text(row.figureId),
      otherFigureId: id,
      note: nullable(row.note),
    })),
  ].filter((pair) => pair.figureId && pair.otherFigureId);
}

const SOURCE_FIELDS = [
  "publisher",
  "title",
  "url",
  "publishedOn",
  "dateNote",
  "kind",
  "copy",
  "copyOf",
  "note",
] as const;

export const sourceKind: RecordKind<SourceInput, SourceInput> = {
  type: "source",
  noun: "source",
  fields: [...SOURCE_FIELDS],
  toData: (source) => source,
  fromSnapshot: (snapshot) => {
    const columns = pick(snapshot, SOURCE_FIELDS);
    return {
      ...columns,
      publisher: columns.publisher ?? "",
      url: columns.url ?? "",
      kind: columns.kind as SourceInput["kind"],
      copy: (columns.copy ?? "original") as SourceInput["copy"],
    };
  },
  toFormValues: formValuesOf(SOURCE_FIELDS),
  checkReferences: async () => null,
  deleteBlockers: async (tx, id) => {
    const found = await citations(tx, { sourceId: id });
    const rulings = await tx.ruling.findMany({ where: { sourceId: id }, select: { id: true, court: true } });
    if (rulings.length)
      found.push(
        listed(
          "ruling",
          rulings.map((ruling) => ({ id: ruling.id, label: ruling.court })),
        ),
      );
    return found.length
      ? `This source is still cited by ${found.join("; ")}. Point them at another source first.`
      : null;
  },
  find: (tx, id) => tx.source.findUnique({ where: { id } }),
  create: (tx, data, id) => tx.source.create({ data: { ...data, id } }),
  update: async (tx, id, version, data) =>
    (await tx.source.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count,
  remove: async (tx, id, version) => (await tx.source.deleteMany({ where: { id, version } })).count,
};

const AGENCY_FIELDS = ["name", "shortName", "kind", "country", "role"] as const;

export const agencyKind: RecordKind<AgencyInput, AgencyInput> = {
  type: "agency",
  noun: "agency",
  fields: [...AGENCY_FIELDS],
  toData: (agency) => agency,
  fromSnapshot: (snapshot) => {
    const columns = pick(snapshot, AGENCY_FIELDS);
    return {
      ...columns,
      name: columns.name ?? "",
      kind: columns.kind as AgencyInput["kind"],
      country: columns.country ?? "",
      role: columns.role ?? "",
    };
  },
  toFormValues: formValuesOf(AGENCY_FIELDS),
  checkReferences: async () => null,
  deleteBlockers: async (tx, id) => {
    const found = await citations(tx, { agencyId: id });
    const rulings = await tx.ruling.findMany({ where: { courtId: id }, select: { id: true, court: true } });
    if (rulings.length)
      found.push(
        listed(
          "ruling",
          rulings.map((ruling) => ({ id: ruling.id, label: ruling.court })),
        ),
      );
    return found.length ? `This agency is still named by ${found.join("; ")}. Change them first.` : null;
  },
  find: (tx, id) => tx.agency.findUnique({ where: { id } }),
  create: (tx, data, id) => tx.agency.create({ data: { ...data, id } }),
  update: async (tx, id, version, data) =>
    (await tx.agency.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count,
  remove: async (tx, id, version) => (await tx.agency.deleteMany({ where: { id, version } })).count,
};

const RULING_FIELDS = ["date", "court", "courtId", "caseName", "jurisdiction", "outcome", "sourceId", "note"] as const;

export const rulingKind: RecordKind<RulingInput, RulingInput> = {
  type: "ruling",
  noun: "ruling",
  fields: [...RULING_FIELDS],
  toData: (ruling) => ruling,
  fromSnapshot: (snapshot) => {
    const columns = pick(snapshot, RULING_FIELDS);
    return {
      ...columns,
      court: columns.court ?? "",
      jurisdiction: columns.jurisdiction as RulingInput["jurisdiction"],
      outcome: columns.outcome ?? "",
      sourceId: columns.sourceId ?? "",
    };
  },
  toFormValues: formValuesOf(RULING_FIELDS),
  checkReferences: async (tx, ruling) => {
    const errors: FieldErrors = {};
    if (ruling.courtId && !(await tx.agency.findUnique({ where: { id: ruling.courtId }, select: { id: true } }))) {
      errors.courtId = ["Choose a court from the list, or none."];
    }
    if (!(await tx.source.findUnique({ where: { id: ruling.sourceId }, select: { id: true } }))) {
      errors.sourceId = ["Choose a source from the list."];
    }
    return Object.keys(errors).length ? errors : null;
  },
  deleteBlockers: async () => null,
  find: (tx, id) => tx.ruling.findUnique({ where: { id } }),
  create: (tx, data, id) => tx.ruling.create({ data: { ...data, id } }),
  update: async (tx, id, version, data) =>
    (await tx.ruling.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count,
  remove: async (tx, id, version) => (await tx.ruling.deleteMany({ where: { id, version } })).count,
};

// Each kind is typed by its own input; the shared code only passes a kind's values back to it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRecordKind = RecordKind<any, any>;

export const RECORD_KINDS: Record<EditableRecordType, AnyRecordKind> = {
  figure: figureKind,
  source: sourceKind,
  agency: agencyKind,
  ruling: rulingKind,
};
