import type { Metadata } from "next";
import Link from "next/link";
import { ChangeList } from "@/components/corrections/change-list";
import { CorrectionsFilter } from "@/components/corrections/corrections-filter";
import { feedAlternates } from "@/lib/corrections/alternates";
import { FEEDS } from "@/lib/corrections/atom";
import { fetchCorrectionsPage } from "@/lib/corrections/pages.server";
import { historyPath } from "@/lib/corrections/public-history";
import { siteUrl } from "@/lib/site.server";

export const revalidate = 60;

const title = "Corrections";
const description =
  "Every correction to a reported figure, chart or source of Operation Venetic, newest first: what it said before, what it says now, and why.";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title,
    description,
    openGraph: { title, description },
    alternates: { types: feedAlternates(siteUrl(), "corrections", "new-figures") },
  };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CorrectionsPage({ searchParams }: Props) {
  const page = await fetchCorrectionsPage(await searchParams);
  return (
    <article className="max-w-3xl">
      <h1 className="font-serif text-4xl font-bold">Corrections</h1>
      <p className="mt-3 text-lg">
        When a figure, a chart or a source was wrong, it is corrected in place and the correction is listed here, newest
        first, with what it said before and why it changed. Updates from new reports are in each figure&apos;s history;
        typos are not listed.
      </p>
      <p className="mt-2 text-sm">
        Subscribe: <a href={FEEDS.corrections.path}>corrections feed (Atom)</a> ·{" "}
        <a href={FEEDS["new-figures"].path}>newly reported figures (Atom)</a>
      </p>
      <CorrectionsFilter page={page} />
      {page.corrections.length === 0 ? <p className="mt-6">No corrections match.</p> : null}
      <ChangeList
        label="Corrections"
        changes={page.corrections}
        recordLink={(change) =>
          change.recordType === "source"
            ? null
            : `${historyPath(change.recordType, change.recordId, page.chartSlugs.get(change.recordId))}#change-${change.revisionId}`
        }
      />
      <p className="mt-6 text-sm">
        <Link href="/figures">All figures</Link>
      </p>
    </article>
  );
}
