import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/admin/preview-banner";
import { AgenciesPage } from "@/components/agencies/agencies-page";
import { requireEditor } from "@/lib/auth/request.server";
import { fetchPreviewedListing } from "@/lib/review/preview-pages.server";

export const metadata = { title: "Preview of the agencies with a held change" };

type Props = { params: Promise<{ id: string }> };

/** The agencies page (`/agencies`) as readers will read it with held change <id>: for editors only. */
export default async function AgenciesPreviewPage({ params }: Props) {
  await requireEditor();
  const found = await fetchPreviewedListing(Number((await params).id), "agencies");
  if (!found) notFound();
  return (
    <>
      <PreviewBanner id={found.preview.id} summary={found.preview.summary} />
      <AgenciesPage groups={found.listings.agencies} />
    </>
  );
}
