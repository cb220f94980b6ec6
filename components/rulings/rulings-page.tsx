import { RulingTimeline } from "@/components/rulings/ruling-timeline";
import type { RulingView } from "@/lib/data/rulings.server";

/** The court rulings page (`/rulings`): the public page's, and a held change's private preview's (decision 0023). */
export function RulingsPage({ rulings }: { rulings: RulingView[] }) {
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
