import Link from "next/link";
import { PREVIEW_PATH } from "@/lib/review/paths";
import { formatPublishAt } from "@/lib/review/schedule";
import type { HeldSummary, PendingStatus } from "@/lib/review/pending";

export const STATUS_LABELS: Record<PendingStatus, string> = {
  draft: "Waiting for review",
  scheduled: "Scheduled",
  published: "Public",
  rejected: "Rejected",
  cancelled: "Cancelled",
  failed: "Could not go public",
};

/** One held change in a line or two: what, whose, its state, when, and why it was refused. */
export function HeldChangeSummary({
  change,
  withPreviewLink = true,
}: {
  change: HeldSummary;
  withPreviewLink?: boolean;
}) {
  return (
    <div>
      <p className="font-semibold">
        {withPreviewLink ? <Link href={`${PREVIEW_PATH}/${change.id}`}>{change.summary}</Link> : change.summary}
        <span className="ml-2 rounded border px-1 text-xs font-normal">{STATUS_LABELS[change.status]}</span>
      </p>
      <p className="text-sm">
        By {change.author}, {formatPublishAt(change.createdAt)}
        {change.publishAt ? <> · goes public at {formatPublishAt(change.publishAt)}</> : null}
        {change.reviewer ? <> · reviewed by {change.reviewer}</> : null}
      </p>
      {change.reason ? <p className="text-sm">Reason: {change.reason}</p> : null}
      {change.rejectionReason ? (
        <p className="text-sm font-semibold">Rejected because: {change.rejectionReason}</p>
      ) : null}
      {change.failure ? <p className="text-sm font-semibold">{change.failure}</p> : null}
    </div>
  );
}
