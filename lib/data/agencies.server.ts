import { rulingViewSelect, toRulingView, type RulingView } from "@/lib/data/rulings.server";
import { db } from "@/lib/db.server";
import { agencyOrder, entryFigureOrder, rulingOrder } from "./order";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AGENCY_KIND_ORDER } from "@/lib/records/form-options";
import { figureViewSelect, toFigureView, type FigureView } from "@/lib/figures/view";

/** A body involved in the operation, with the figures attributed to it and, for a court, its rulings. */
export type AgencyEntry = {
  id: string;
  name: string;
  shortName: string | null;
  /** The id of its kind. */
  kind: string;
  kindLabel: string;
  /** ISO 3166-1 alpha-2, or EU. */
  country: string;
  /** "United Kingdom", "European Union" */
  countryName: string;
  role: string;
  figures: FigureView[];
  rulings: RulingView[];
};

export type AgencyGroup = { kind: string; label: string; agencies: AgencyEntry[] };

const countryNames = new Intl.DisplayNames(["en-GB"], { type: "region", fallback: "code" });

/** An agency's own columns, as its entry shows them. */
export const agencyEntrySelect = {
  id: true,
  name: true,
  shortName: true,
  kind: true,
  country: true,
  role: true,
} satisfies Prisma.AgencySelect;
export type AgencyColumns = Prisma.AgencyGetPayload<{ select: typeof agencyEntrySelect }>;

/** Every agency, grouped by kind in the order the admin placed the kinds, then by name. */
export async function fetchAgencyGroups(): Promise<AgencyGroup[]> {
  const rows = await db.agency.findMany({
    select: {
      ...agencyEntrySelect,
      figures: { select: figureViewSelect },
      rulings: { select: rulingViewSelect },
    },
  });
  const kinds = await fetchAgencyKinds();
  return agencyGroups(
    kinds,
    rows.sort(agencyOrder).map(({ figures, rulings, ...agency }) => ({
      agency,
      figures: figures.map(toFigureView).sort(entryFigureOrder),
      rulings: rulings.map(toRulingView).sort(rulingOrder),
    })),
  );
}

/** The kinds of agency, in the order the admin placed them. */
export function fetchAgencyKinds(): Promise<AgencyKindRow[]> {
  return db.agencyKind.findMany({ orderBy: [...AGENCY_KIND_ORDER], select: { id: true, label: true } });
}

type AgencyKindRow = { id: string; label: string };

/**
 * The agencies' entries, by name, grouped by kind: the public page's, and a held change's private
 * preview's, from the record with the change (decision 0023).
 */
export function agencyGroups(
  kinds: AgencyKindRow[],
  entries: { agency: AgencyColumns; figures: FigureView[]; rulings: RulingView[] }[],
): AgencyGroup[] {
  const labels = new Map(kinds.map((kind) => [kind.id, kind.label]));
  const agencies: AgencyEntry[] = entries.map(({ agency, figures, rulings }) => ({
    ...agency,
    kindLabel: labels.get(agency.kind) ?? agency.kind,
    countryName: countryNames.of(agency.country) ?? agency.country,
    figures,
    rulings,
  }));
  return kinds
    .map((kind) => ({
      kind: kind.id,
      label: kind.label,
      agencies: agencies.filter((agency) => agency.kind === kind.id),
    }))
    .filter((group) => group.agencies.length > 0);
}
