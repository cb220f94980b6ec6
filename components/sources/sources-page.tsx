import { SourceEntryArticle } from "@/components/sources/source-entry";
import type { SourceEntry } from "@/lib/data/sources.server";
import { LICENCE } from "@/lib/open-data/licence";

/** The sources page (`/sources`): the public page's, and a held change's private preview's (decision 0023). */
export function SourcesPage({ sources }: { sources: SourceEntry[] }) {
  return (
    <article>
      <h1 className="font-serif text-4xl font-bold">Sources</h1>
      <p className="mt-3 max-w-3xl text-lg">
        The {sources.length} publications the record cites, oldest first, each with the figures taken from it. A mirror
        is a rewrite of another outlet&apos;s story, and is marked as such.
      </p>
      <p className="mt-2 max-w-3xl text-sm">
        The words quoted from each source belong to its publisher and are quoted to cite it; the record&apos;s
        compilation of them is licensed under <a href={LICENCE.url}>{LICENCE.short}</a>.
      </p>
      <div className="divide-y divide-black/10 dark:divide-white/15">
        {sources.map((source) => (
          <SourceEntryArticle key={source.id} source={source} />
        ))}
      </div>
    </article>
  );
}
