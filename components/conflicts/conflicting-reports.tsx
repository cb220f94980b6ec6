import Link from "next/link";
import type { ReactNode } from "react";
import { SourceLink } from "@/components/sources/source-link";
import type { ConflictingReport } from "@/lib/data/conflicts.server";
import type { FigureView } from "@/lib/figures/view";

/**
 * A figure beside the reports that contradict it, in the table of all figures: the reader sees
 * every value and who reported it, and is never told which one is right. A line each, so a page
 * of the table stays light; `/conflicts` sets each pair out in full with the sources' words.
 */
export function ConflictingReports({ figure, reports }: { figure: FigureView; reports: ConflictingReport[] }) {
  return (
    <div className="border-l-4 border-conflict py-1 pl-3 dark:border-conflict-dark">
      <p>
        <span className="font-semibold">Sources disagree on this figure.</span> Each report as published:
      </p>
      <ul className="mt-1 list-disc pl-5">
        <ReportLine figure={figure} caption="This report" />
        {reports.map((report) => (
          <ReportLine key={report.conflictId} figure={report.figure} caption="Other report">
            {" · "}
            <Link href={`/conflicts#${report.conflictId}`} prefetch={false}>
              Compare the two reports
            </Link>
          </ReportLine>
        ))}
      </ul>
    </div>
  );
}

function ReportLine({ figure, caption, children }: { figure: FigureView; caption: string; children?: ReactNode }) {
  return (
    <li>
      {caption}: <strong>{figure.display}</strong> ({figure.label},{" "}
      <time dateTime={figure.asOf}>{figure.asOfDisplay}</time>
      ), <SourceLink source={figure.source} />
      {children}
    </li>
  );
}
