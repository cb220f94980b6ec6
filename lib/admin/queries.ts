import "server-only";
import type { PrismaClient } from "@/lib/db/client";
import { formatDate, formatFigure } from "@/lib/figures/format";
import { isUnit } from "@/lib/domain/units";
import { QUALIFIERS, type Qualifier } from "@/lib/domain/vocabulary";
import type { EditableRecordType } from "@/lib/validation/records";
import type { FormOptions } from "./form-fields";
import { RECORD_KINDS, type FormValues } from "./record-kinds";

/** One line of an admin list: what the record is, and enough to tell it from its neighbours. */
export type RecordListItem = { id: string; title: string; detail: string; updatedAt: string };

export type ListFilter = { q?: string; kind?: string };

const LIST_SIZE = 200;

export async function listRecords(
  db: PrismaClient,
  recordType: EditableRecordType,
  filter: ListFilter,
): Promise<RecordListItem[]> {
  const q = filter.q?.trim().slice(0, 100) || undefined;
  const contains = (field: string) => (q ? [{ [field]: { contains: q } }] : []);
  switch (recordType) {
    case "figure": {
      const figures = await db.figure.findMany({
        where: {
          ...(filter.kind ? { metric: { kind: filter.kind } } : {}),
          ...(q
            ? {
                OR: [
                  ...contains("label"),
                  ...contains("id"),
                  ...contains("quote"),
                  { source: { publisher: { contains: q } } },
                ],
              }
            : {}),
        },
        orderBy: [{ asOf: "desc" }, { id: "asc" }],
        take: LIST_SIZE,
        select: {
          id: true,
          label: true,
          valueMinor: true,
          unit: true,
          qualifier: true,
          asOf: true,
          updatedAt: true,
          source: { select: { publisher: true } },
          geography: { select: { label: true } },
        },
      });
      return figures.map((figure) => ({
        id: figure.id,
        title: figure.label,
        detail: [
          isUnit(figure.unit) && (QUALIFIERS as readonly string[]).includes(figure.qualifier)
            ? formatFigure(figure.valueMinor, figure.unit, figure.qualifier as Qualifier)
            : String(figure.valueMinor),
          figure.geography.label,
          formatDate(figure.asOf),
          figure.source.publisher,
        ].join(" · "),
        updatedAt: figure.updatedAt.toISOString(),
      }));
    }
    case "source": {
      const sources = await db.source.findMany({
        where: {
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(q ? { OR: [...contains("publisher"), ...contains("title"), ...contains("url"), ...contains("id")] } : {}),
        },
        orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        take: LIST_SIZE,
        select: {
          id: true,
          publisher: true,
          title: true,
          publishedOn: true,
          kind: true,
          updatedAt: true,
          _count: { select: { figures: true } },
        },
      });
      return sources.map((source) => ({
        id: source.id,
        title: `${source.publisher}${source.title ? `: ${source.title}` : ""}`,
        detail: [
          source.publishedOn ? formatDate(source.publishedOn) : "undated",
          source.kind,
          `${source._count.figures} figures`,
        ].join(" · "),
        updatedAt: source.updatedAt.toISOString(),
      }));
    }
    case "agency": {
      const agencies = await db.agency.findMany({
        where: {
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(q ? { OR: [...contains("name"), ...contains("shortName"), ...contains("id")] } : {}),
        },
        orderBy: { name: "asc" },
        take: LIST_SIZE,
        select: { id: true, name: true, kind: true, country: true, updatedAt: true },
      });
      return agencies.map((agency) => ({
        id: agency.id,
        title: agency.name,
        detail: `${agency.kind} · ${agency.country}`,
        updatedAt: agency.updatedAt.toISOString(),
      }));
    }
    case "ruling": {
      const rulings = await db.ruling.findMany({
        where: {
          ...(filter.kind ? { jurisdiction: filter.kind } : {}),
          ...(q ? { OR: [...contains("court"), ...contains("caseName"), ...contains("outcome")] } : {}),
        },
        orderBy: [{ date: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        take: LIST_SIZE,
        select: { id: true, court: true, caseName: true, date: true, jurisdiction: true, updatedAt: true },
      });
      return rulings.map((ruling) => ({
        id: ruling.id,
        title: `${ruling.court}${ruling.caseName ? `: ${ruling.caseName}` : ""}`,
        detail: [ruling.date ? formatDate(ruling.date) : "undated", ruling.jurisdiction].join(" · "),
        updatedAt: ruling.updatedAt.toISOString(),
      }));
    }
  }
}

export async function countRecords(db: PrismaClient) {
  const byKind = await db.metric.findMany({ select: { kind: true, _count: { select: { figures: true } } } });
  const figures: Record<string, number> = {};
  for (const metric of byKind) figures[metric.kind] = (figures[metric.kind] ?? 0) + metric._count.figures;
  return {
    figures,
    source: await db.source.count(),
    agency: await db.agency.count(),
    ruling: await db.ruling.count(),
  };
}

export async function formOptions(db: PrismaClient): Promise<FormOptions> {
  return {
    metrics: await db.metric.findMany({
      orderBy: [{ kind: "asc" }, { label: "asc" }],
      select: { id: true, label: true, kind: true, units: true },
    }),
    geographies: await db.geography.findMany({ orderBy: { label: "asc" }, select: { id: true, label: true } }),
    agencies: await db.agency.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    sources: await db.source.findMany({
      orderBy: [{ publisher: "asc" }, { publishedOn: { sort: "desc", nulls: "last" } }],
      select: { id: true, publisher: true, title: true, publishedOn: true },
    }),
  };
}

/** A record as its edit form shows it, with the version the save must match. */
export async function loadRecordForm(
  db: PrismaClient,
  recordType: EditableRecordType,
  id: string,
): Promise<{ values: FormValues; version: number } | null> {
  const kind = RECORD_KINDS[recordType];
  const found = await kind.find(db, id);
  return found ? { values: kind.toFormValues(found), version: found.version } : null;
}

export async function listEditors(db: PrismaClient) {
  return db.editor.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
