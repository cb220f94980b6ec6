import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/admin/preview-banner";
import { Overview } from "@/components/overview/overview";
import { requireEditor } from "@/lib/auth/request.server";
import { fetchPreviewedOverview } from "@/lib/review/preview-pages.server";
import { previewPagePath } from "@/lib/review/paths";

export const metadata = { title: "Preview of the overview with a held change" };

type Props = { params: Promise<{ id: string }> };

/** The overview (`/`) as readers will read it with held change <id>: for editors only. */
export default async function OverviewPreviewPage({ params }: Props) {
  await requireEditor();
  const found = await fetchPreviewedOverview(Number((await params).id));
  if (!found) notFound();
  const { preview, headlines, charts } = found;
  const changed = new Set(preview.charts.filter((chart) => chart.changed).map((chart) => chart.slug));
  return (
    <>
      <PreviewBanner id={preview.id} summary={preview.summary} />
      <Overview
        headlines={headlines}
        charts={charts}
        chartHref={(slug) => (changed.has(slug) ? previewPagePath(preview.id, `/charts/${slug}`) : `/charts/${slug}`)}
      />
    </>
  );
}
