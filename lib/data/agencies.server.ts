import { rulingOrderBy, rulingViewSelect, toRulingView, type RulingView } from "@/lib/data/rulings.server";
import { db } from "@/lib/db.server";
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

/** Every agency, grouped by kind in the order the admin placed the kinds, then by name. */
export async function fetchAgencyGroups(): Promise<AgencyGroup[]> {
  const rows = await db.agency.findMany({
    select: {
      id: true,
      name: true,
      shortName: true,
      kind: true,
      agencyKind: { select: { label: true } },
      country: true,
      role: true,
      figures: { select: figureViewSelect, orderBy: [{ asOf: "asc" }, { label: "asc" }, { id: "asc" }] },
      rulings: { select: rulingViewSelect, orderBy: rulingOrderBy },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const kinds = await db.agencyKind.findMany({ orderBy: [...AGENCY_KIND_ORDER], select: { id: true, label: true } });
  const agencies: AgencyEntry[] = rows.map(({ figures, rulings, agencyKind, ...agency }) => ({
    ...agency,
    kindLabel: agencyKind.label,
    countryName: countryNames.of(agency.country) ?? agency.country,
    figures: figures.map(toFigureView),
    rulings: rulings.map(toRulingView),
  }));
  return kinds
    .map((kind) => ({
      kind: kind.id,
      label: kind.label,
      agencies: agencies.filter((agency) => agency.kind === kind.id),
    }))
    .filter((group) => group.agencies.length > 0);
}
