import { requiredText } from "@/lib/validation/fields";
import { defineRecord, field, LIST_SIZE, objectOf, searchIn } from "./define";
import { chartsNaming, figuresOf, labelClash } from "./references";
import { versionedTable } from "./versioned";

const fields = {
  label: field(requiredText(200, "The name"), {
    label: "Name",
    hint: "As readers see it in the figures table, its filters, charts and downloads. Renaming it keeps its id.",
  }),
};

/** The area a figure covers (the Geography table): part of the vocabulary, which only an admin changes. */
export const geographyRecord = defineRecord({
  noun: "area",
  plural: "Areas",
  path: "/admin/areas",
  role: "admin",
  fields,
  schema: objectOf(fields),
  store: versionedTable((tx) => tx.geography),
  idFrom: (area) => [area.label, "area"],
  checkReferences: async (tx, area, id) => {
    const clash = labelClash(
      "area",
      await tx.geography.findMany({ select: { id: true, label: true } }),
      area.label,
      id,
    );
    return clash ? { label: [clash] } : null;
  },
  deleteBlockers: async (tx, id) => {
    const found = [...(await figuresOf(tx, { geographyId: id })), ...(await chartsNaming(tx, "areas", id))];
    return found.length ? `This area is still used by ${found.join("; ")}. Change them first.` : null;
  },
  list: {
    find: async (db, { q }) => {
      const areas = await db.geography.findMany({
        where: searchIn(q, ["label", "id"]),
        orderBy: [{ label: "asc" }, { id: "asc" }],
        take: LIST_SIZE,
        select: { id: true, label: true, updatedAt: true, _count: { select: { figures: true } } },
      });
      return areas.map((area) => ({
        id: area.id,
        title: area.label,
        detail: `${area.id} · ${area._count.figures} figures`,
        updatedAt: area.updatedAt.toISOString(),
      }));
    },
  },
});
