import { z } from "zod";
import { choice, optionalText, requiredText } from "@/lib/validation/fields";
import { defineRecord, field, LIST_SIZE, objectOf, searchIn } from "./define";
import { AGENCY_KIND_ORDER } from "./form-options";
import { citations, rulingsCiting } from "./references";
import { versionedTable } from "./versioned";

const COUNTRY_CODE = "Use a two-letter country code, such as GB.";

const fields = {
  name: field(requiredText(200, "The name"), { label: "Name" }),
  shortName: field(optionalText(60, "The short name"), { label: "Short name" }),
  kind: field(choice("Choose the kind of body."), {
    label: "Kind",
    hint: "An admin adds kinds under Agency kinds.",
    options: (lists) => lists.agencyKinds.map((kind) => ({ value: kind.id, label: kind.label })),
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
  checkReferences: async (tx, agency) =>
    (await tx.agencyKind.findUnique({ where: { id: agency.kind }, select: { id: true } }))
      ? null
      : { kind: ["Choose the kind of body from the list."] },
  deleteBlockers: async (tx, id) => {
    const found = [...(await citations(tx, { agencyId: id })), ...(await rulingsCiting(tx, { courtId: id }))];
    return found.length ? `This agency is still named by ${found.join("; ")}. Change them first.` : null;
  },
  list: {
    filter: {
      label: "Kind",
      choices: async (db) =>
        Object.fromEntries(
          (await db.agencyKind.findMany({ orderBy: [...AGENCY_KIND_ORDER], select: { id: true, label: true } })).map(
            (kind) => [kind.id, kind.label],
          ),
        ),
    },
    find: async (db, { q, kind }) => {
      const agencies = await db.agency.findMany({
        where: { ...(kind ? { kind } : {}), ...searchIn(q, ["name", "shortName", "id"]) },
        orderBy: { name: "asc" },
        take: LIST_SIZE,
        select: { id: true, name: true, country: true, updatedAt: true, agencyKind: { select: { label: true } } },
      });
      return agencies.map((agency) => ({
        id: agency.id,
        title: agency.name,
        detail: `${agency.agencyKind.label} · ${agency.country}`,
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
