/**
 * What the record is called and on what terms it may be reused: written once, for the pages'
 * footer, the citations, the Dataset JSON-LD and the Data Package (decision 0018).
 */

/** The record's name, as its citations, data package and embeds credit it. */
export const RECORD_NAME = "Operation Venetic: the public record";

/**
 * The compilation's licence. CC BY 4.0 asks only for credit, so newsrooms, researchers and other
 * datasets can reuse the record; an open-data licence readers and tools already know.
 */
export const LICENCE = {
  /** The Open Definition / SPDX identifier, which the Data Package's licences name. */
  id: "CC-BY-4.0",
  short: "CC BY 4.0",
  title: "Creative Commons Attribution 4.0 International",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/**
 * What the licence covers, and what it cannot: a figure's words (its quote, and the number as its
 * source put it) were published by its source, so they stay the source's, quoted to cite it.
 */
export const LICENCE_TERMS =
  `The compilation (the selection and arrangement of the figures, the values as recorded, the charts and the site's own text) is licensed under ${LICENCE.short}: reuse it with credit to "${RECORD_NAME}". ` +
  "Each figure's words belong to its source, which is named beside it; they are quoted here to cite it, and the licence does not cover them.";
