import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/admin/preview-banner";
import { SourcesPage } from "@/components/sources/sources-page";
import { requireEditor } from "@/lib/auth/request.server";
import { fetchPreviewedListing } from "@/lib/review/preview-pages.server";

export const metadata = { title: "Preview of the sources with a held change" };

type Props = { params: Promise<{ id: string }> };

/** The sources page (`/sources`) as readers will read it with held change <id>: for editors only. */
export default async function SourcesPreviewPage({ params }: Props) {
  await requireEditor();
  const found = await fetchPreviewedListing(Number((await params).id), "sources");
  if (!found) notFound();
  return (
    <>
      <PreviewBanner id={found.preview.id} summary={found.preview.summary} />
      <SourcesPage sources={found.listings.sources} />
    </>
  );
}
