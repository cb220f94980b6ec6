import { HeldChangeSummary } from "@/components/admin/held-change-summary";
import { ReviewActions } from "@/components/admin/review-actions";
import { requireEditor } from "@/lib/auth/request.server";
import { db } from "@/lib/db.server";
import { listPendingChanges } from "@/lib/review/pending";
import { reviewBeforePublishing } from "@/lib/review/setting.server";

export const metadata = { title: "Review and schedule" };

export default async function ReviewPage() {
  await requireEditor();
  const review = reviewBeforePublishing();
  const { open, decided } = await listPendingChanges(db);
  return (
    <div>
      <h1 className="mb-2 font-serif text-3xl font-bold">Review and schedule</h1>
      <p className="mb-6 max-w-3xl">
        {review
          ? "Every change waits here until another editor approves it; readers see none of it before then. "
          : "Changes are public when saved, unless set for a time. "}
        Scheduled changes go public at their time, to the second, whether or not anyone is signed in. Open a change to
        see it as readers will.
      </p>
      <h2 className="mb-3 font-serif text-2xl font-bold">Waiting</h2>
      {open.length === 0 ? <p className="mb-6">Nothing is waiting.</p> : null}
      <ol className="mb-8 space-y-6">
        {open.map((change) => (
          <li
            key={change.id}
            className="border-t border-black/10 pt-3 dark:border-white/15"
            data-pending-id={change.id}
          >
            <HeldChangeSummary change={change} />
            <ReviewActions id={change.id} status={change.status} review={review} />
          </li>
        ))}
      </ol>
      {decided.length ? (
        <>
          <h2 className="mb-3 font-serif text-2xl font-bold">Lately decided</h2>
          <ol className="space-y-4">
            {decided.map((change) => (
              <li key={change.id} className="border-t border-black/10 pt-3 dark:border-white/15">
                <HeldChangeSummary change={change} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
