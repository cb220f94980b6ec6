import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeTable } from "@/components/admin/change-table";
import { HeldChangeSummary } from "@/components/admin/held-change-summary";
import { ReviewActions } from "@/components/admin/review-actions";
import { StatusMessage } from "@/components/admin/status-message";
import { ChartCard } from "@/components/charts/chart-card";
import { HeadlineGrid } from "@/components/figures/headline-figure";
import { requireEditor } from "@/lib/auth/request.server";
import { formatPublishAt } from "@/lib/review/schedule";
import { REVIEW_PATH } from "@/lib/review/paths";
import { fetchHeldPreview } from "@/lib/review/preview.server";
import { reviewBeforePublishing } from "@/lib/review/setting.server";
import { editableRecord, isEditableRecordType } from "@/lib/records/registry";

export const metadata = { title: "Preview of a change" };

/** What the review page's buttons did, said on the change's page they lead to. */
const DONE_MESSAGES: Record<string, (change: { status: string; publishAt: Date | null }) => string> = {
  approve: (change) =>
    change.status === "scheduled" && change.publishAt
      ? `Approved: it goes public at ${formatPublishAt(change.publishAt)}.`
      : "Approved: it is public now.",
  reject: () => "Rejected. Its author sees your reason here and in the review list.",
  cancel: () => "Cancelled: nothing of it will go public.",
  move: (change) => `Moved: it goes public at ${change.publishAt ? formatPublishAt(change.publishAt) : "its time"}.`,
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * A held change as readers will see it, for editors only (the admin's pages are never kept or
 * indexed): the figures it writes as the overview shows them and the charts it changes, drawn from
 * the record as it is with the change replayed over it, and links to the private preview of each
 * public page and embed it touches.
 */
export default async function PreviewPage({ params, searchParams }: Props) {
  await requireEditor();
  const id = Number((await params).id);
  const preview = Number.isSafeInteger(id) && id > 0 ? await fetchHeldPreview(id) : null;
  if (!preview) notFound();
  const query = await searchParams;
  const held = query.held !== undefined;
  const done = typeof query.done === "string" ? DONE_MESSAGES[query.done]?.(preview) : undefined;
  const review = reviewBeforePublishing();
  const label = (recordType: string, field: string) =>
    isEditableRecordType(recordType) ? editableRecord(recordType).label(field) : field;
  return (
    <div>
      <h1 className="mb-1 font-serif text-3xl font-bold">Preview: {preview.summary}</h1>
      <p className="mb-4 text-sm">
        Only editors see this page. <Link href={REVIEW_PATH}>Everything waiting for review or its time</Link>
      </p>
      {held ? (
        <StatusMessage tone="success">
          {preview.status === "draft"
            ? "Submitted for review: readers see nothing of it until another editor approves it."
            : `Set to go public at ${preview.publishAt ? formatPublishAt(preview.publishAt) : "its time"}. Readers see nothing of it until then.`}
        </StatusMessage>
      ) : null}
      {done ? <StatusMessage tone="success">{done}</StatusMessage> : null}
      <HeldChangeSummary change={preview} withPreviewLink={false} />
      <ReviewActions id={preview.id} status={preview.status} review={review} />

      <h2 className="mb-2 mt-8 font-serif text-2xl font-bold">What it changes</h2>
      {preview.writes.map((write) => (
        <ChangeTable
          key={`${write.recordType}-${write.recordId}`}
          className="mb-4 max-w-3xl"
          caption={`${write.action === "create" ? "New" : write.action === "delete" ? "Deleted" : "Changed"} ${write.noun} ${write.recordId}`}
          columns={["Field", "Now", "With this change"]}
          rows={write.changes.map((change) => ({
            key: change.field,
            cells: [label(write.recordType, change.field), change.before, change.after],
          }))}
        />
      ))}

      {preview.pages.length ? (
        <section className="mt-8" aria-labelledby="preview-pages">
          <h2 id="preview-pages" className="mb-2 font-serif text-2xl font-bold">
            The public pages it touches, with it
          </h2>
          <p className="mb-2 text-sm">
            Private previews, for editors only: each as readers will see it once published.
          </p>
          <ul className="list-disc pl-6">
            {preview.pages.map((page) => (
              <li key={page.previewPath}>
                {/* The embeds are documents of their own, not pages of the app: plain links for all. */}
                <a href={page.previewPath}>{page.label}</a>{" "}
                <span className="text-sm">
                  (public at <code>{page.publicPath}</code>)
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {preview.figures.length ? (
        <section className="mt-8" aria-labelledby="preview-figures">
          <h2 id="preview-figures" className="mb-3 font-serif text-2xl font-bold">
            As readers will read it
          </h2>
          <HeadlineGrid figures={preview.figures} label="The figures with this change" />
        </section>
      ) : null}
      {preview.charts.length ? (
        <section className="mt-8 space-y-8" aria-label="The charts it changes">
          <h2 className="font-serif text-2xl font-bold">The charts it changes</h2>
          {preview.charts.map((chart) => (
            <ChartCard key={chart.slug} chart={chart} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
