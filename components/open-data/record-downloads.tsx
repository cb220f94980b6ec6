import { LICENCE } from "@/lib/open-data/licence";

/**
 * The whole record to download, its description for tools, and the terms of reuse: what a
 * researcher or a newsroom's data desk looks for under a table of figures.
 */
export function RecordDownloads({ at = null }: { at?: string | null }) {
  // The record as it stood downloads as it stood.
  const asAt = at ? `?at=${encodeURIComponent(at)}` : "";
  return (
    <p className="my-3 max-w-3xl text-sm">
      The whole record{at ? " as it stood" : ""}: <a href={`/api/figures.csv${asAt}`}>CSV</a> ·{" "}
      <a href={`/api/figures.json${asAt}`}>JSON</a> · <a href="/api/datapackage.json">Data Package</a> (each
      column&apos;s type, unit and constraints, for Frictionless tools). The compilation is licensed under{" "}
      <a href={LICENCE.url}>{LICENCE.short}</a>: reuse it with credit. Each figure&apos;s words belong to its source,
      named beside it.
    </p>
  );
}
