import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/admin/preview-banner";
import { ChartPage } from "@/components/charts/chart-page";
import { requireEditor } from "@/lib/auth/request.server";
import { fetchPreviewedChartPage } from "@/lib/review/preview-pages.server";

export const metadata = { title: "Preview of a chart with a held change" };

type Props = { params: Promise<{ id: string; slug: string }> };

/** A chart's page (`/charts/<chart>`) as readers will read it with held change <id>: for editors only. */
export default async function ChartPreviewPage({ params }: Props) {
  await requireEditor();
  const { id, slug } = await params;
  const found = await fetchPreviewedChartPage(Number(id), slug);
  if (!found) notFound();
  return (
    <>
      <PreviewBanner id={found.preview.id} summary={found.preview.summary} />
      <ChartPage {...found.view} overviewHref={found.overviewHref} embedHref={found.embedHref} />
    </>
  );
}
