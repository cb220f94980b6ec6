import Link from "next/link";
import { figureTableHref, type FigureTableQuery } from "@/lib/figures/table-query";

/** Previous and next pages of the table, as plain links that keep the filters and the sort. */
export function FigureTablePagination({ query, pageCount }: { query: FigureTableQuery; pageCount: number }) {
  if (pageCount <= 1) return null;
  const previous = query.page > 1 ? figureTableHref({ ...query, page: query.page - 1 }) : null;
  const next = query.page < pageCount ? figureTableHref({ ...query, page: query.page + 1 }) : null;
  return (
    <nav aria-label="Pages of figures" className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
      {previous ? (
        <Link href={previous} rel="prev" prefetch={false}>
          ← Previous page
        </Link>
      ) : null}
      <p>
        Page {query.page} of {pageCount}
      </p>
      {next ? (
        <Link href={next} rel="next" prefetch={false}>
          Next page →
        </Link>
      ) : null}
    </nav>
  );
}
