import type { Metadata } from "next";
import { RulingTimeline } from "@/components/rulings/ruling-timeline";
import { fetchRulings } from "@/lib/data/rulings.server";

// Rendered once, then served from the cache until an editor's save revalidates it.
export const revalidate = 60;

const title = "Court rulings";
const description =
  "The court rulings on the EncroChat evidence, in date order: the court, the case, the jurisdiction, what was decided and the source reporting it.";

export const metadata: Metadata = { title, description, openGraph: { title, description } };

export default async function RulingsPage() {
  const rulings = await fetchRulings();
  return (
    <article>
      <h1 className="font-serif text-4xl font-bold">Court rulings</h1>
      <p className="mt-3 max-w-3xl text-lg">
        How the courts ruled on whether the EncroChat evidence could be used, oldest first, each with the source that
        reports the outcome.
      </p>
      <RulingTimeline rulings={rulings} />
    </article>
  );
}
