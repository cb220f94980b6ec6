import type { Metadata } from "next";
import { SourcesPage } from "@/components/sources/sources-page";
import { fetchSources } from "@/lib/data/sources.server";

// Rendered once, then served from the cache until an editor's save revalidates it.
export const revalidate = 60;

const title = "Sources";
const description =
  "Every press release, news story, judgment and commentary the record of Operation Venetic cites, with the figures each reported and which stories copy another outlet's.";

export const metadata: Metadata = { title, description, openGraph: { title, description } };

export default async function SourcesRoute() {
  const sources = await fetchSources();
  return <SourcesPage sources={sources} />;
}
