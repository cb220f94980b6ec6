import { z } from "zod";
import { JURISDICTION_LABELS, JURISDICTIONS } from "@/lib/domain/vocabulary";
import { formatDate } from "@/lib/figures/format";
import {
  choice,
  optionalChoice,
  optionalDate,
  optionalText,
  requiredText,
  type FieldErrors,
} from "@/lib/validation/fields";
import { defineRecord, field, LIST_SIZE, objectOf, searchIn } from "./define";
import { agencyOptions, choicesOf, DATE_HINT, sourceOptions } from "./form-options";
import { versionedTable } from "./versioned";

const fields = {
  date: field(optionalDate, { label: "Date", hint: DATE_HINT }),
  court: field(requiredText(200, "The court"), { label: "Court" }),
  courtId: field(optionalChoice(), { label: "Court (as an agency)", options: agencyOptions }),
  caseName: field(optionalText(300, "The case"), { label: "Case" }),
  jurisdiction: field(z.enum(JURISDICTIONS, "Choose the jurisdiction."), {
    label: "Jurisdiction",
    options: choicesOf(JURISDICTION_LABELS),
  }),
  outcome: field(requiredText(3000, "The outcome", { lines: "many" }), { label: "Outcome" }),
  sourceId: field(choice("Choose the source that reported it."), { label: "Source", options: sourceOptions }),
  note: field(optionalText(2000, "The note", { lines: "many" }), { label: "Note" }),
};

export const rulingSchema = objectOf(fields);

/** A ruling as a revision recorded it: what a pinned chart's markers show (lib/charts/at-revision.ts). */
export const rulingSnapshot = z.object({
  id: z.string(),
  date: z.string().nullable(),
  court: z.string(),
  caseName: z.string().nullable(),
  outcome: z.string(),
});

export type RulingSnapshot = z.infer<typeof rulingSnapshot>;

export const rulingRecord = defineRecord({
  noun: "ruling",
  plural: "Rulings",
  path: "/admin/rulings",
  fields,
  schema: rulingSchema,
  store: versionedTable((tx) => tx.ruling),
  idFrom: (ruling) => [[ruling.court, ruling.date].filter(Boolean).join("-")],
  checkReferences: async (tx, ruling) => {
    const errors: FieldErrors = {};
    if (ruling.courtId && !(await tx.agency.findUnique({ where: { id: ruling.courtId }, select: { id: true } }))) {
      errors.courtId = ["Choose a court from the list, or none."];
    }
    if (!(await tx.source.findUnique({ where: { id: ruling.sourceId }, select: { id: true } }))) {
      errors.sourceId = ["Choose a source from the list."];
    }
    return Object.keys(errors).length ? errors : null;
  },
  list: {
    filter: { label: "Jurisdiction", choices: JURISDICTION_LABELS },
    find: async (db, { q, kind }) => {
      const rulings = await db.ruling.findMany({
        where: { ...(kind ? { jurisdiction: kind } : {}), ...searchIn(q, ["court", "caseName", "outcome"]) },
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
    },
  },
});
