import Link from "next/link";
import { REVIEW_PATH } from "@/lib/review/paths";

/** A held change that is not there, or a page it does not touch. */
export default function PreviewNotFound() {
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="font-serif text-3xl font-bold">No such preview</h1>
      <p role="status">
        There is no held change with this number, or it does not change this page: only the pages and embeds a change
        touches have a preview.
      </p>
      <p>
        <Link href={REVIEW_PATH}>Everything waiting for review or its time</Link> links to each change&apos;s previews.
      </p>
    </div>
  );
}
