/** What the open-data descriptions say about the record as a whole (read by lib/open-data/read.server.ts). */
export type RecordFacts = {
  /** When the record began: its first revision. */
  firstRevisionAt: Date | null;
  /** The newest revision of the log, and when it was written: the record's version and date. */
  revision: number;
  revisedAt: Date | null;
  figureCount: number;
  /** The earliest and latest dates figures describe (YYYY, YYYY-MM or YYYY-MM-DD). */
  earliestAsOf: string | null;
  latestAsOf: string | null;
  /** Every metric and area a figure may have, and whether any figure has it now. */
  metrics: { id: string; label: string; reported: boolean }[];
  areas: { id: string; label: string; reported: boolean }[];
  /** Every source the record cites. */
  sources: { publisher: string; title: string | null; url: string; publishedOn: string | null }[];
};

/** What the record is, for the Dataset JSON-LD and the Data Package: one text, so they never drift apart. */
export const RECORD_DESCRIPTION =
  "The reported outcomes of Operation Venetic, the UK's response to the 2020 take-down of EncroChat, an encrypted phone network used by organised crime: " +
  "arrests, charges, convictions, years of imprisonment, and seizures of cash, drugs, firearms and other goods, as the National Crime Agency, police forces, " +
  "European agencies, courts and the press announced them since July 2020. Each figure is kept as its source gave it: the exact value, its unit, " +
  "the qualifier the source used (“over £54 million” is not “£54 million”), the date it describes, the area, the agency, and the source's own words. " +
  "Where two sources disagree, both are kept and marked.";

export const RECORD_KEYWORDS = [
  "Operation Venetic",
  "EncroChat",
  "National Crime Agency",
  "organised crime",
  "arrests",
  "convictions",
  "seizures",
  "drugs",
  "firearms",
  "United Kingdom",
  "criminal justice statistics",
];
