import Link from "next/link";
import { ConflictingReports } from "@/components/conflicts/conflicting-reports";
import { DisagreementFlag } from "@/components/conflicts/disagreement-flag";
import { SourceLink } from "@/components/sources/source-link";
import { FigureEmbedPanel } from "./figure-embed-panel";
import type { CitedWork } from "@/lib/citations/cited-work";
import type { FigureTableRow } from "@/lib/figures/read.server";
import { FIGURE_KIND_LABELS } from "@/lib/domain/vocabulary";
import { figureRowAnchor } from "@/lib/figures/card";
import { figureTableHref, sortOffered, type FigureSortColumn, type FigureTableQuery } from "@/lib/figures/table-query";

const COLUMNS: { column: FigureSortColumn; label: string }[] = [
  { column: "figure", label: "Figure" },
  { column: "value", label: "Value" },
  { column: "kind", label: "Kind" },
  { column: "geography", label: "Area" },
  { column: "agency", label: "Agency" },
  { column: "date", label: "Date described" },
  { column: "source", label: "Source" },
];

function withEmbed(href: string, id: string): string {
  return `${href}${href.includes("?") ? "&" : "?"}embed=${encodeURIComponent(id)}`;
}

const DIRECTION_WORDS = { asc: "ascending", desc: "descending" } as const;

const muted = "text-ink-muted dark:text-ink-inverse/70";

/**
 * One page of the table of all figures; each column header is a link that sorts by it. Each
 * row is a figure's address (#figure-<id>, where its card links back) and offers its card.
 */
export function FigureTable({
  rows,
  query,
  caption,
  site,
  latestRevision,
  embedding,
  embeddingCitation = null,
}: {
  rows: FigureTableRow[];
  query: FigureTableQuery;
  caption: string;
  site: string;
  /**
   * The revision a figure's pinned embed code names; null in a held change's private preview, where
   * no row offers embedding (the preview lists the card's own preview).
   */
  latestRevision: number | null;
  /** The figure whose "Embed this figure" panel is open; every other row links to its own. */
  embedding: string | null;
  /** That figure's citation, shown in its panel. */
  embeddingCitation?: CitedWork | null;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="figure-table w-full min-w-[56rem] border-collapse text-left text-sm">
        <caption className={`mb-2 text-left ${muted}`}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-black/30 dark:border-white/40">
            {COLUMNS.map(({ column, label }) => (
              <SortableHeader key={column} column={column} label={label} query={query} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <FigureRow
              key={row.id}
              row={row}
              site={site}
              latestRevision={latestRevision}
              citation={row.id === embedding ? embeddingCitation : null}
              embedHref={
                row.id === embedding ? null : `${withEmbed(figureTableHref(query), row.id)}#${figureRowAnchor(row.id)}`
              }
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortableHeader({
  column,
  label,
  query,
}: {
  column: FigureSortColumn;
  label: string;
  query: FigureTableQuery;
}) {
  const sorted = query.sort === column;
  const offered = sortOffered(query, column);
  return (
    <th
      scope="col"
      aria-sort={sorted ? DIRECTION_WORDS[query.dir] : undefined}
      className="align-bottom font-semibold whitespace-nowrap"
    >
      <Link href={figureTableHref({ ...query, sort: column, dir: offered, page: 1 })} prefetch={false}>
        {label}
        <span aria-hidden="true">{sorted ? (query.dir === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="sr-only">, sort {DIRECTION_WORDS[offered]}</span>
      </Link>
    </th>
  );
}

function FigureRow({
  row,
  site,
  latestRevision,
  citation,
  embedHref,
}: {
  row: FigureTableRow;
  site: string;
  latestRevision: number | null;
  citation: CitedWork | null;
  /** Where the row's "Embed this figure" link goes; null when its panel is the one open. */
  embedHref: string | null;
}) {
  const disputed = row.conflicts.length > 0;
  return (
    <>
      <tr id={figureRowAnchor(row.id)} data-figure-id={row.id} className={disputed ? "figure-disputed" : undefined}>
        <th scope="row">
          <span className="figure-label">{row.label}</span>
          <span className="figure-metric">{row.metric.label}</span>
          <details className="figure-words">
            <summary>The source&apos;s words</summary>
            <blockquote>{`“${row.quote}”`}</blockquote>
            {row.note ? <p>{row.note}</p> : null}
          </details>
          {/* An open panel sets the column's width: its code and citation wrap within it, not a word a line. */}
          {latestRevision === null ? null : (
            <div className={embedHref === null ? "figure-embed w-96" : "figure-embed"}>
              {embedHref === null ? (
                <FigureEmbedPanel site={site} figure={row} latestRevision={latestRevision} citation={citation} open />
              ) : (
                // One panel at a time, asked for by address: fifty panels in every page of the table
                // would more than double what each reader downloads.
                <a href={embedHref} rel="nofollow">
                  Embed this figure<span className="sr-only">{`: ${row.label}`}</span>
                </a>
              )}
            </div>
          )}
          {row.corrected ? (
            // Only a recently corrected row carries a link to its history, so the table stays light.
            <a
              href={`/figures/${row.id}/history`}
              className="mt-1 block text-xs font-semibold text-conflict dark:text-conflict-dark"
            >
              {row.corrected}
              <span className="sr-only">: {row.label}</span>
            </a>
          ) : null}
          {disputed ? (
            <span className="mt-1 block">
              <DisagreementFlag />
            </span>
          ) : null}
        </th>
        <td className="figure-value">{row.display}</td>
        <td>{FIGURE_KIND_LABELS[row.kind]}</td>
        <td>{row.geography.label}</td>
        <td>
          {row.agency ? (
            <Link href={`/agencies#${row.agency.id}`} title={row.agency.name} prefetch={false}>
              {row.agency.shortName ?? row.agency.name}
            </Link>
          ) : (
            <span className={muted}>Not named</span>
          )}
        </td>
        <td className="figure-date">
          <time dateTime={row.asOf}>{row.asOfDisplay}</time>
        </td>
        <td>
          <SourceLink source={row.source} />
        </td>
      </tr>
      {disputed ? (
        <tr data-conflict-for={row.id}>
          <td colSpan={COLUMNS.length} className="pt-0 pb-3">
            <ConflictingReports figure={row} reports={row.conflicts} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
