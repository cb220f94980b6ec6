import { optionalPlace, requiredText } from "@/lib/validation/fields";
import { defineRecord, field, LIST_SIZE, objectOf, searchIn } from "./define";
import { AGENCY_KIND_ORDER } from "./form-options";
import { labelClash, listed } from "./references";
import { versionedTable } from "./versioned";

const fields = {
  label: field(requiredText(100, "The name"), {
    label: "Name",
    hint: "As the agencies page heads its group. Renaming it keeps its id.",
  }),
  position: field(optionalPlace, {
    label: "Place on the agencies page",
    hint: "1 is first. Empty: after the numbered kinds, in the order of their names.",
  }),
};

/** What kind of body an agency is: part of the vocabulary, which only an admin changes. */
export const agencyKindRecord = defineRecord({
  noun: "agency kind",
  plural: "Agency kinds",
  path: "/admin/agency-kinds",
  role: "admin",
  fields,
  schema: objectOf(fields),
  store: versionedTable((tx) => tx.agencyKind),
  idFrom: (kind) => [kind.label, "kind"],
  checkReferences: async (tx, kind, id) => {
    const others = await tx.agencyKind.findMany({ select: { id: true, label: true } });
    const clash = labelClash("agency kind", others, kind.label, id);
    return clash ? { label: [clash] } : null;
  },
  deleteBlockers: async (tx, id) => {
    const agencies = await tx.agency.findMany({
      where: { kind: id },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
    });
    if (!agencies.length) return null;
    const named = listed(
      "agency",
      agencies.map((agency) => ({ id: agency.id, label: agency.name })),
      "agencies",
    );
    return `This kind is still given to ${named}. Change them first.`;
  },
  list: {
    find: async (db, { q }) => {
      const kinds = await db.agencyKind.findMany({
        where: searchIn(q, ["label", "id"]),
        orderBy: [...AGENCY_KIND_ORDER, { id: "asc" }],
        take: LIST_SIZE,
        select: { id: true, label: true, position: true, updatedAt: true, _count: { select: { agencies: true } } },
      });
      return kinds.map((kind) => ({
        id: kind.id,
        title: kind.label,
        detail: [
          kind.id,
          kind.position ? `place ${kind.position}` : "unplaced",
          `${kind._count.agencies} agencies`,
        ].join(" · "),
        updatedAt: kind.updatedAt.toISOString(),
      }));
    },
  },
});
