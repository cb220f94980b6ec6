import { formatDate } from "@/lib/figures/format";
import type { PrismaClient } from "@/lib/db/client.server";

/** The other records a form offers to choose from, read once per page. */
export type FormOptions = {
  metrics: { id: string; label: string; kind: string; units: string }[];
  geographies: { id: string; label: string }[];
  agencies: { id: string; name: string }[];
  agencyKinds: { id: string; label: string }[];
  sources: { id: string; publisher: string; title: string | null; publishedOn: string | null }[];
};

export type FieldOption = { value: string; label: string; group?: string };

/** For a field that offers no choice of other records. */
export const NO_OPTIONS: FormOptions = { metrics: [], geographies: [], agencies: [], agencyKinds: [], sources: [] };

/** Agency kinds in the order the agencies page lists them: by place, then those without one by label. */
export const AGENCY_KIND_ORDER = [{ position: { sort: "asc", nulls: "last" } }, { label: "asc" }] as const;

export async function formOptions(db: PrismaClient): Promise<FormOptions> {
  return {
    metrics: await db.metric.findMany({
      orderBy: [{ kind: "asc" }, { label: "asc" }],
      select: { id: true, label: true, kind: true, units: true },
    }),
    geographies: await db.geography.findMany({ orderBy: { label: "asc" }, select: { id: true, label: true } }),
    agencies: await db.agency.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    agencyKinds: await db.agencyKind.findMany({
      orderBy: [...AGENCY_KIND_ORDER],
      select: { id: true, label: true },
    }),
    sources: await db.source.findMany({
      orderBy: [{ publisher: "asc" }, { publishedOn: { sort: "desc", nulls: "last" } }],
      select: { id: true, publisher: true, title: true, publishedOn: true },
    }),
  };
}

/** A fixed list's choices, in the words readers see. */
export const choicesOf = (labels: Record<string, string>): FieldOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source, no more.";

/** Past this many characters a source's title is cut, at a word, so that a list of sources reads as one. */
const TITLE_IN_CHOICE = 70;

function shortened(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

/** A source as people name it: "ITV News, 2 July 2020: 'Unparalleled victory against…'". */
export function sourceOptions(options: FormOptions): FieldOption[] {
  return options.sources.map((source) => ({
    value: source.id,
    label: `${source.publisher}${source.publishedOn ? `, ${formatDate(source.publishedOn)}` : ""}${source.title ? `: ${shortened(source.title, TITLE_IN_CHOICE)}` : ""}`,
  }));
}

export function agencyOptions(options: FormOptions): FieldOption[] {
  return [
    { value: "", label: "None" },
    ...options.agencies.map((agency) => ({ value: agency.id, label: agency.name })),
  ];
}
