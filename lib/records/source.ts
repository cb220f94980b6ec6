import { z } from "zod";
import { SOURCE_COPIES, SOURCE_COPY_LABELS, SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/lib/domain/vocabulary";
import { formatDate } from "@/lib/figures/format";
import { optionalDate, optionalText, requiredText, webAddress } from "@/lib/validation/fields";
import { defineRecord, field, LIST_SIZE, objectOf, searchIn } from "./define";
import { choicesOf, DATE_HINT } from "./form-options";
import { citations, rulingsCiting } from "./references";
import { versionedTable } from "./versioned";

const fields = {
  publisher: field(requiredText(200, "The publisher"), { label: "Publisher" }),
  title: field(optionalText(500, "The title"), { label: "Title" }),
  url: field(webAddress, { label: "Address (URL)", hint: "A full address starting with https://" }),
  publishedOn: field(optionalDate, { label: "Published on", hint: DATE_HINT }),
  dateNote: field(optionalText(1000, "The date note"), { label: "Note on the date" }),
  kind: field(z.enum(SOURCE_KINDS, "Choose the kind of source."), {
    label: "Kind",
    options: choicesOf(SOURCE_KIND_LABELS),
  }),
  copy: field(z.enum(SOURCE_COPIES, "Say whether it is original reporting or a mirror."), {
    label: "Original or mirror",
    options: choicesOf(SOURCE_COPY_LABELS),
    initial: "original",
  }),
  copyOf: field(optionalText(200, "The original outlet"), {
    label: "Mirrors the story of",
    hint: "Only for a mirror: the outlet it rewrites.",
  }),
  note: field(optionalText(2000, "The note", { lines: "many" }), { label: "Note" }),
};

export const sourceSchema = objectOf(fields).superRefine((source, context) => {
  if (source.copy === "mirror" && !source.copyOf) {
    context.addIssue({ code: "custom", path: ["copyOf"], message: "Name the outlet whose story this mirrors." });
  }
});

export const sourceRecord = defineRecord({
  noun: "source",
  plural: "Sources",
  path: "/admin/sources",
  fields,
  schema: sourceSchema,
  store: versionedTable((tx) => tx.source),
  // As the dataset names sources: the publisher and the day it published ("itv-news-2020-07-02").
  idFrom: (source) => [[source.publisher, source.publishedOn].filter(Boolean).join("-")],
  deleteBlockers: async (tx, id) => {
    const found = [...(await citations(tx, { sourceId: id })), ...(await rulingsCiting(tx, { sourceId: id }))];
    return found.length
      ? `This source is still cited by ${found.join("; ")}. Point them at another source first.`
      : null;
  },
  list: {
    filter: { label: "Kind", choices: SOURCE_KIND_LABELS },
    find: async (db, { q, kind }) => {
      const sources = await db.source.findMany({
        where: { ...(kind ? { kind } : {}), ...searchIn(q, ["publisher", "title", "url", "id"]) },
        orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        take: LIST_SIZE,
        select: {
          id: true,
          publisher: true,
          title: true,
          publishedOn: true,
          kind: true,
          updatedAt: true,
          _count: { select: { figures: true } },
        },
      });
      return sources.map((source) => ({
        id: source.id,
        title: `${source.publisher}${source.title ? `: ${source.title}` : ""}`,
        detail: [
          source.publishedOn ? formatDate(source.publishedOn) : "undated",
          source.kind,
          `${source._count.figures} figures`,
        ].join(" · "),
        updatedAt: source.updatedAt.toISOString(),
      }));
    },
  },
});

/**
 * A source as a revision recorded it, as the record as it stood names it (lib/as-at/replay.ts).
 * The seed's snapshots leave out empty columns, so each may be missing as well as null.
 */
export const sourceSnapshot = z.object({
  id: z.string(),
  publisher: z.string(),
  title: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
  url: z.string(),
  publishedOn: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
  kind: z.string(),
  copy: z.string().default("original"),
  copyOf: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
});
