import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/admin/preview-banner";
import { RulingsPage } from "@/components/rulings/rulings-page";
import { requireEditor } from "@/lib/auth/request.server";
import { fetchPreviewedListing } from "@/lib/review/preview-pages.server";

export const metadata = { title: "Preview of the court rulings with a held change" };

type Props = { params: Promise<{ id: string }> };

/** The court rulings page (`/rulings`) as readers will read it with held change <id>: for editors only. */
export default async function RulingsPreviewPage({ params }: Props) {
  await requireEditor();
  const found = await fetchPreviewedListing(Number((await params).id), "rulings");
  if (!found) notFound();
  return (
    <>
      <PreviewBanner id={found.preview.id} summary={found.preview.summary} />
      <RulingsPage rulings={found.listings.rulings} />
    </>
  );
}
