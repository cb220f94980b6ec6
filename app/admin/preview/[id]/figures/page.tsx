import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/admin/preview-banner";
import { FigureTable } from "@/components/figures/figure-table";
import { requireEditor } from "@/lib/auth/request.server";
import { DEFAULT_FIGURE_TABLE_QUERY } from "@/lib/figures/table-query";
import { fetchPreviewedFigureRows } from "@/lib/review/preview-pages.server";
import { siteUrl } from "@/lib/site.server";

export const metadata = { title: "Preview of figures with a held change" };

type Props = { params: Promise<{ id: string }> };

/** The rows of the table of all figures (`/figures`) that held change <id> writes: for editors only. */
export default async function FiguresPreviewPage({ params }: Props) {
  await requireEditor();
  const found = await fetchPreviewedFigureRows(Number((await params).id));
  if (!found) notFound();
  const { preview, rows, deleted } = found;
  return (
    <article>
      <PreviewBanner id={preview.id} summary={preview.summary} />
      <h1 className="font-serif text-4xl font-bold">All figures</h1>
      {rows.length ? (
        <FigureTable
          rows={rows}
          query={DEFAULT_FIGURE_TABLE_QUERY}
          caption="The rows this change writes, as the table of all figures will show them"
          site={siteUrl()}
          latestRevision={null}
          embedding={null}
        />
      ) : null}
      {deleted.length ? (
        <p className="mt-4">
          No longer in the table: {deleted.map((id, index) => [index ? ", " : "", <code key={id}>{id}</code>])}.
        </p>
      ) : null}
    </article>
  );
}
