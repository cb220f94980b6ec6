/**
 * The kinds of body the record began with, in the order the agencies page lists them. The seed
 * adds those a database lacks, and the migration that made agency kinds a table named existing
 * agencies' kinds the same way; from then on the AgencyKind table is the list, and admins extend
 * and rename it (docs/decisions/0022).
 */
export const SEEDED_AGENCY_KINDS = [
  { id: "national-agency", label: "National agency" },
  { id: "regional-organised-crime-unit", label: "Regional organised crime unit" },
  { id: "police-force", label: "Police force" },
  { id: "foreign-agency", label: "Foreign agency" },
  { id: "eu-agency", label: "EU agency" },
  { id: "prosecutor", label: "Prosecutor" },
  { id: "court", label: "Court" },
  { id: "government", label: "Government" },
] as const;

export const SEEDED_AGENCY_KIND_IDS = SEEDED_AGENCY_KINDS.map((kind) => kind.id) as [
  (typeof SEEDED_AGENCY_KINDS)[number]["id"],
  ...(typeof SEEDED_AGENCY_KINDS)[number]["id"][],
];
