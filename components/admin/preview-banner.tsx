import Link from "next/link";
import { PREVIEW_PATH } from "@/lib/review/paths";

/**
 * Says, before anything else, that the page below is a held change's private preview, not the
 * public page: an editor who opens it from a shared link must not take a draft for the record.
 */
export function PreviewBanner({ id, summary }: { id: number; summary: string }) {
  return (
    <div role="status" className="mb-6 rounded border-l-4 border-conflict bg-conflict/10 p-3 dark:border-conflict-dark">
      <p className="font-semibold">Private preview of held change {id}: not public.</p>
      <p className="mt-1 text-sm">
        {summary}: this page as readers will read it once the change is published. Only editors see it; readers see the
        page without the change until then. <Link href={`${PREVIEW_PATH}/${id}`}>Back to the change</Link>
      </p>
    </div>
  );
}
