import type { Metadata } from "next";
import { AsAtBanner } from "@/components/as-at/as-at-banner";
import { AsAtChoice } from "@/components/as-at/as-at-choice";
import { feedAlternates } from "@/lib/corrections/alternates";
import { FigureFilters } from "@/components/figures/figure-filters";
import { FigureFiltersNotice } from "@/components/figures/figure-filters-notice";
import { FigureTable } from "@/components/figures/figure-table";
import { FigureTablePagination } from "@/components/figures/figure-table-pagination";
import { DatasetJsonLd } from "@/components/open-data/dataset-json-ld";
import { RecordDownloads } from "@/components/open-data/record-downloads";
import { fetchFigureCitation } from "@/lib/citations/read.server";
import { fetchAsAtDays } from "@/lib/as-at/read.server";
import { fetchLatestRevision } from "@/lib/data/charts.server";
import { fetchFigureTable } from "@/lib/figures/read.server";
import { isFigureId } from "@/lib/figures/card";
import { describeFigureTable } from "@/lib/figures/table-caption";
import { datasetJsonLd } from "@/lib/open-data/dataset";
import { fetchRecordFacts } from "@/lib/open-data/read.server";
import { figureTableHref, type SearchParams } from "@/lib/figures/table-query";
import { siteUrl } from "@/lib/site.server";

const title = "All figures";
const description =
  "Every reported figure of Operation Venetic in one table: arrests, seizures and other numbers, each with its qualifier, the date it describes and its source. Sort, filter and search.";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title,
    description,
    openGraph: { title, description },
    alternates: { types: feedAlternates(siteUrl(), "new-figures", "corrections") },
  };
}

export default async function FiguresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const embedding = typeof params.embed === "string" && isFigureId(params.embed) ? params.embed : null;
  const [table, latestRevision, facts, days] = await Promise.all([
    fetchFigureTable(params),
    fetchLatestRevision(),
    fetchRecordFacts(),
    fetchAsAtDays(),
  ]);
  const { asAt } = table;
  // As it stood, a figure's card, embed code and citation are pinned to the revision shown.
  const pinned = asAt?.revision ?? null;
  // Only the panel a reader opened cites its figure: the table's other rows carry no citation.
  const citation = embedding ? await fetchFigureCitation(embedding, pinned) : null;
  const lastPosition = table.firstPosition + table.rows.length - 1;
  const rest = new URLSearchParams(figureTableHref({ ...table.query, at: null, page: 1 }).split("?")[1] ?? "");
  return (
    <article>
      <DatasetJsonLd dataset={datasetJsonLd(facts, siteUrl())} />
      <h1 className="font-serif text-4xl font-bold">All figures</h1>
      <p className="mt-3 max-w-3xl text-lg">
        Every figure in the record (arrests, seizures and other reported numbers) with the words its source qualified it
        with, the date it describes and the source itself. Where sources disagree, every report is shown.
      </p>
      {asAt ? <AsAtBanner asAt={asAt} liveHref={figureTableHref({ ...table.query, at: null, page: 1 })} /> : null}
      <RecordDownloads at={asAt?.at ?? null} />
      <AsAtChoice
        action="/figures"
        keep={[...rest.entries()]}
        value={asAt && !/^\d+$/.test(asAt.at) ? asAt.at : null}
        firstDay={days.firstDay}
        today={days.today}
      />
      <FigureFilters query={table.query} choices={table.choices} />
      <FigureFiltersNotice notices={table.notices} />
      {table.total === 0 ? (
        <p className="my-6 text-lg">No figures match these filters.</p>
      ) : (
        <>
          <p className="my-3 font-semibold">
            Showing {table.firstPosition}–{lastPosition} of {table.total} figures
          </p>
          <FigureTable
            rows={table.rows}
            query={table.query}
            caption={describeFigureTable(table.query)}
            site={siteUrl()}
            latestRevision={pinned ?? latestRevision}
            embedding={embedding}
            embeddingCitation={citation?.ok ? citation.work : null}
          />
          <FigureTablePagination query={table.query} pageCount={table.pageCount} />
        </>
      )}
    </article>
  );
}
