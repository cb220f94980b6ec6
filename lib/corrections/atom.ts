import { escapeXml } from "@/lib/escape";
import { historyPath, type PublicChange } from "./public-history";
import { CORRECTIONS_PAGE_SIZE } from "./query";

/**
 * The corrections and the newly reported figures as Atom 1.0 feeds (RFC 4287), so journalists and
 * researchers can subscribe. The author is the site, never the editor who made a change. Entry
 * ids are tag URIs (RFC 4151) naming the revision, so they never change however often the feed is
 * read, and a correction to a correction is a new entry.
 */

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
export const SITE_TITLE = "Operation Venetic: the public record";

export type AtomFeedName = "corrections" | "new-figures";

type Feed = {
  path: string;
  title: string;
  subtitle: string;
  page: string;
  /** Where the entries older than the feed holds are read: from the day of its oldest entry. */
  older: (oldestDay: string) => { path: string; title: string };
};

export const FEEDS: Record<AtomFeedName, Feed> = {
  corrections: {
    path: "/corrections/feed.xml",
    title: `${SITE_TITLE}: corrections`,
    subtitle:
      "Every correction to a reported figure, a chart or a source, with what it said before and why it changed.",
    page: "/corrections",
    older: (day) => ({ path: `/corrections?to=${day}`, title: "Older corrections, by date" }),
  },
  "new-figures": {
    path: "/figures/feed.xml",
    title: `${SITE_TITLE}: newly reported figures`,
    subtitle: "Each figure as it is added to the record, with its value, the date it describes and its source.",
    page: "/figures",
    older: () => ({ path: "/figures", title: "Every figure in the record" }),
  },
};

/** A date before any change the record holds: the feed's `updated` while it has no entries. */
const FOUNDING = "2020-07-02T00:00:00.000Z";

function tagAuthority(site: string): string {
  try {
    return new URL(site).hostname || "localhost";
  } catch {
    return "localhost";
  }
}

/** The entry's id: the same revision always gives the same id. */
export function entryId(site: string, revisionId: number): string {
  return `tag:${tagAuthority(site)},2020:revision:${revisionId}`;
}

function feedId(site: string, feed: AtomFeedName): string {
  return `tag:${tagAuthority(site)},2020:feed:${feed}`;
}

/** Where a change is read on the site: the record's public history, at the change. */
export function changeAddress(site: string, change: PublicChange, chartSlugs: Map<string, string>): string {
  const path = historyPath(change.recordType, change.recordId, chartSlugs.get(change.recordId));
  return `${site}${path}#change-${change.revisionId}`;
}

function entryTitle(change: PublicChange): string {
  if (change.action === "create" && change.kind === "update")
    return `Reported: ${change.title}: ${change.reported ?? ""}`;
  if (change.action === "delete") return `Removed: ${change.title}`;
  const value = change.changes.find((one) => one.what === "Value");
  const corrected = change.kind === "correction" ? "Corrected" : "Updated";
  return value ? `${corrected}: ${change.title}: ${value.before} → ${value.after}` : `${corrected}: ${change.title}`;
}

/** The entry's text: what changed, before and after, then the stated reason. */
export function entryText(change: PublicChange): string {
  const lines = change.reported ? [change.reported] : [];
  for (const one of change.changes) lines.push(`${one.what}: ${one.before || "(none)"} → ${one.after || "(none)"}`);
  if (change.reason) lines.push(`Reason: ${change.reason}`);
  return lines.join("\n");
}

/**
 * The feed of `changes`, the newest CORRECTIONS_PAGE_SIZE at most: it says so, and links to where
 * the older ones are read (a feed reader keeps only what it saw while they were in the feed).
 */
export function atomFeed(
  feed: AtomFeedName,
  site: string,
  changes: PublicChange[],
  chartSlugs: Map<string, string> = new Map(),
): string {
  const { path, title, subtitle, page, older } = FEEDS[feed];
  const updated = changes[0]?.at ?? FOUNDING;
  const oldest = changes.at(-1);
  const olderLink = oldest ? older(oldest.at.slice(0, 10)) : null;
  const entries = changes.map((change) => {
    const address = changeAddress(site, change, chartSlugs);
    return [
      "  <entry>",
      `    <id>${escapeXml(entryId(site, change.revisionId))}</id>`,
      `    <title type="text">${escapeXml(entryTitle(change))}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(address)}"/>`,
      `    <published>${change.at}</published>`,
      `    <updated>${change.at}</updated>`,
      `    <category term="${change.kind}"/>`,
      `    <content type="text">${escapeXml(entryText(change))}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${escapeXml(feedId(site, feed))}</id>`,
    `  <title type="text">${escapeXml(title)}</title>`,
    `  <subtitle type="text">${escapeXml(`${subtitle} The newest ${CORRECTIONS_PAGE_SIZE} at most; older ones at ${site}${page}.`)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${site}${path}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${site}${page}`)}"/>`,
    ...(olderLink
      ? [
          `  <link rel="related" type="text/html" title="${escapeXml(olderLink.title)}" href="${escapeXml(`${site}${olderLink.path}`)}"/>`,
        ]
      : []),
    `  <updated>${updated}</updated>`,
    // The site is the author of every entry: the editor who made a change is never named in public.
    `  <author><name>${escapeXml(SITE_TITLE)}</name><uri>${escapeXml(site)}</uri></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
