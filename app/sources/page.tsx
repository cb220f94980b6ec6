import type { Metadata } from "next";
import { SourceEntryArticle } from "@/components/sources/source-entry";
import { fetchSources } from "@/lib/data/sources.server";
import { LICENCE } from "@/lib/open-data/licence";

// Rendered once, then served from the cache until an editor's save revalidates it.
export const revalidate = 60;

const title = "Sources";
const description =
  "Every press release, news story, judgment and commentary the record of Operation Venetic cites, with the figures each reported and which stories copy another outlet's.";

export const metadata: Metadata = { title, description, openGraph: { title, description } };

export default async function SourcesPage() {
  const sources = await fetchSources();
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
