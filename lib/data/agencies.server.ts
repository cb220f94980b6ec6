import { rulingOrderBy, rulingViewSelect, toRulingView, type RulingView } from "@/lib/data/rulings.server";
import { db } from "@/lib/db.server";
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind } from "@/lib/domain/vocabulary";
import { figureViewSelect, toFigureView, type FigureView } from "@/lib/figures/view";

/** A body involved in the operation, with the figures attributed to it and, for a court, its rulings. */
export type AgencyEntry = {
  id: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  kindLabel: string;
  /** ISO 3166-1 alpha-2, or EU. */
  country: string;
  /** "United Kingdom", "European Union" */
  countryName: string;
  role: string;
  figures: FigureView[];
  rulings: RulingView[];
};

export type AgencyGroup = { kind: AgencyKind; label: string; agencies: AgencyEntry[] };

const countryNames = new Intl.DisplayNames(["en-GB"], { type: "region", fallback: "code" });

/** Every agency, grouped by kind in the order the vocabulary lists the kinds, then by name. */
export async function fetchAgencyGroups(): Promise<AgencyGroup[]> {
  const rows = await db.agency.findMany({
    select: {
      id: true,
      name: true,
      shortName: true,
      kind: true,
      country: true,
      role: true,
      figures: { select: figureViewSelect, orderBy: [{ asOf: "asc" }, { label: "asc" }, { id: "asc" }] },
      rulings: { select: rulingViewSelect, orderBy: rulingOrderBy },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const agencies: AgencyEntry[] = rows.map(({ figures, rulings, ...agency }) => ({
    ...agency,
    kind: agency.kind as AgencyKind,
    kindLabel: AGENCY_KIND_LABELS[agency.kind as AgencyKind] ?? agency.kind,
    countryName: countryNames.of(agency.country) ?? agency.country,
    figures: figures.map(toFigureView),
    rulings: rulings.map(toRulingView),
  }));
  return AGENCY_KINDS.map((kind) => ({
    kind,
    label: AGENCY_KIND_LABELS[kind],
    agencies: agencies.filter((agency) => agency.kind === kind),
  })).filter((group) => group.agencies.length > 0);
}
