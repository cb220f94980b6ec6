import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChangeList } from "@/components/corrections/change-list";
import { CorrectionNoticeLine } from "@/components/corrections/correction-notice";
import { feedAlternates } from "@/lib/corrections/alternates";
import { fetchFigureHistoryPage } from "@/lib/corrections/pages.server";
import { figureCardPath, figureRecordPath, isFigureId } from "@/lib/figures/card";
import { siteUrl } from "@/lib/site.server";

export const revalidate = 60;

/** Read once per render: the metadata and the page both ask. */
const historyPage = cache((id: string) => fetchFigureHistoryPage(id));

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const page = isFigureId(id) ? await historyPage(id) : null;
  if (!page) return {};
  return {
    title: `History: ${page.figure.label}`,
    description: `How the figure “${page.figure.label}” (${page.figure.display}) has been corrected and updated, and why.`,
    alternates: { types: feedAlternates(siteUrl(), "corrections") },
  };
}

/** A figure's public history: its corrections and updates, with what it read before and after and why. */
export default async function FigureHistoryPage({ params }: Props) {
  const { id } = await params;
  const page = isFigureId(id) ? await historyPage(id) : null;
  if (!page) notFound();
  const { figure, history, notice } = page;
  return (
    <article className="max-w-3xl">
      <p className="text-sm">
        <Link href="/figures">All figures</Link> / History
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{figure.label}</h1>
      <p className="mt-2 text-lg">
        Now: <strong className="font-serif text-2xl">{figure.display}</strong>, {figure.geography.label}, as of{" "}
        {figure.asOfDisplay}. Source: {figure.source.publisher}.
      </p>
      {notice ? (
        <div className="mt-3">
          <CorrectionNoticeLine notice={notice} />
        </div>
      ) : null}
      <p className="mt-3 text-sm">
        <Link href={figureRecordPath(figure)}>The figure in the table</Link> ·{" "}
        <a href={figureCardPath(figure.id)}>Its card</a> ·{" "}
        <Link href={`/corrections?figure=${figure.id}`}>Its corrections</Link>
      </p>
      <h2 className="mt-6 font-serif text-2xl font-bold">Corrections and updates</h2>
      {history.length === 0 ? (
        <p className="mt-2">No correction or update has been recorded for this figure since it was first reported.</p>
      ) : (
        <ChangeList label="Corrections and updates" changes={history} />
      )}
    </article>
  );
}
