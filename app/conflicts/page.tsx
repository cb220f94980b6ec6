import type { Metadata } from "next";
import { ConflictPair } from "@/components/conflicts/conflict-pair";
import { fetchConflicts } from "@/lib/data/conflicts.server";

// Rendered once, then served from the cache until an editor's save revalidates it.
export const revalidate = 60;

const title = "Conflicting reports";
const description =
  "Where two sources reported different values for the same Operation Venetic figure, both reports side by side, with their dates, sources and words.";

export const metadata: Metadata = { title, description, openGraph: { title, description } };

export default async function ConflictsPage() {
  const conflicts = await fetchConflicts();
  return (
    <article>
      <h1 className="font-serif text-4xl font-bold">Conflicting reports</h1>
      <p className="mt-3 max-w-3xl text-lg">
        Where sources disagree about the same figure, both reports are shown side by side as published. The record does
        not choose between them.
      </p>
      {conflicts.length === 0 ? (
        <p className="mt-6">No conflicting reports are recorded.</p>
      ) : (
        <div className="divide-y divide-black/10 dark:divide-white/15">
          {conflicts.map((conflict) => (
            <ConflictPair key={conflict.id} conflict={conflict} />
          ))}
        </div>
      )}
    </article>
  );
}
