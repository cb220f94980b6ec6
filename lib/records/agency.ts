import { z } from "zod";
import { AGENCY_KIND_LABELS, AGENCY_KINDS } from "@/lib/domain/vocabulary";
import { optionalText, requiredText } from "@/lib/validation/fields";
import { defineRecord, field, LIST_SIZE, objectOf, searchIn } from "./define";
import { choicesOf } from "./form-options";
import { citations, rulingsCiting } from "./references";
import { versionedTable } from "./versioned";

const COUNTRY_CODE = "Use a two-letter country code, such as GB.";

const fields = {
  name: field(requiredText(200, "The name"), { label: "Name" }),
  shortName: field(optionalText(60, "The short name"), { label: "Short name" }),
  kind: field(z.enum(AGENCY_KINDS, "Choose the kind of body."), {
    label: "Kind",
    options: choicesOf(AGENCY_KIND_LABELS),
  }),
  country: field(
    z
      .string({ message: COUNTRY_CODE })
      .trim()
      .max(2, { message: COUNTRY_CODE, abort: true })
      // Checked before upper-casing: "ß" would become "SS" and pass as a code nobody typed.
      .regex(/^[A-Za-z]{2}$/, { message: COUNTRY_CODE, abort: true })
      .toUpperCase(),
    { label: "Country", hint: "Two-letter code: GB, FR, NL, or EU." },
  ),
  role: field(requiredText(2000, "The role", { lines: "many" }), { label: "Role" }),
};

export const agencySchema = objectOf(fields);

export const agencyRecord = defineRecord({
  noun: "agency",
  plural: "Agencies",
  path: "/admin/agencies",
  fields,
  schema: agencySchema,
  store: versionedTable((tx) => tx.agency),
  idFrom: (agency) => [agency.shortName || agency.name, agency.name],
  deleteBlockers: async (tx, id) => {
    const found = [...(await citations(tx, { agencyId: id })), ...(await rulingsCiting(tx, { courtId: id }))];
    return found.length ? `This agency is still named by ${found.join("; ")}. Change them first.` : null;
  },
  list: {
    filter: { label: "Kind", choices: AGENCY_KIND_LABELS },
    find: async (db, { q, kind }) => {
      const agencies = await db.agency.findMany({
        where: { ...(kind ? { kind } : {}), ...searchIn(q, ["name", "shortName", "id"]) },
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
    },
  },
});

/** An agency as a revision recorded it, as the record as it stood names it (lib/as-at/replay.ts). */
export const agencySnapshot = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
  country: z.string(),
});
