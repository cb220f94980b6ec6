import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChangeList } from "@/components/corrections/change-list";
import { CorrectionNoticeLine } from "@/components/corrections/correction-notice";
import { feedAlternates } from "@/lib/corrections/alternates";
import { fetchChartHistoryPage } from "@/lib/corrections/pages.server";
import { historyPath } from "@/lib/corrections/public-history";
import { siteUrl } from "@/lib/site.server";

export const revalidate = 60;

/** Read once per render: the metadata and the page both ask. */
const historyPage = cache((slug: string) => fetchChartHistoryPage(slug));

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = await historyPage(slug);
  if (!page) return {};
  return {
    title: `History: ${page.chart.title}`,
    description: `How the chart “${page.chart.title}” and the figures it draws have been corrected, and why.`,
    alternates: { types: feedAlternates(siteUrl(), "corrections") },
  };
}

/** A chart's public history: its own corrections and updates, and the corrections of the figures it draws. */
export default async function ChartHistoryPage({ params }: Props) {
  const { slug } = await params;
  const page = await historyPage(slug);
  if (!page) notFound();
  const { chart, history, notice } = page;
  return (
    <article className="max-w-3xl">
      <p className="text-sm">
        <Link href="/">Overview</Link> / <Link href={`/charts/${slug}`}>{chart.title}</Link> / History
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">History of “{chart.title}”</h1>
      <p className="mt-2">
        The chart&apos;s own corrections and updates, and the corrections of the figures it draws, newest first.
      </p>
      {notice ? (
        <div className="mt-3">
          <CorrectionNoticeLine notice={notice} />
        </div>
      ) : null}
      {history.length === 0 ? (
        <p className="mt-4">No correction or update has been recorded for this chart or its figures.</p>
      ) : (
        <ChangeList
          label="Corrections and updates"
          changes={history}
          recordLink={(change) =>
            change.recordType === "figure"
              ? `${historyPath("figure", change.recordId)}#change-${change.revisionId}`
              : null
          }
        />
      )}
    </article>
  );
}
