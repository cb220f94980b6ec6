import { FEEDS, type AtomFeedName } from "./atom";

/** `metadata.alternates.types` announcing the feeds a page is about, for feed readers to find. */
export function feedAlternates(
  site: string,
  ...feeds: AtomFeedName[]
): { "application/atom+xml": { url: string; title: string }[] } {
  return {
    "application/atom+xml": feeds.map((feed) => ({ url: `${site}${FEEDS[feed].path}`, title: FEEDS[feed].title })),
  };
}
