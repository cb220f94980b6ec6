import Link from "next/link";
import { SourceLink } from "@/components/sources/source-link";
import type { ConflictingReport } from "@/lib/data/conflicts.server";
import type { FigureView } from "@/lib/figures/view";

/**
 * A figure beside the reports that contradict it, in the table of all figures: the reader sees
 * every value and who reported it, and is never told which one is right.
 */
export function ConflictingReports({ figure, reports }: { figure: FigureView; reports: ConflictingReport[] }) {
  return (
    <div className="border-l-4 border-conflict py-1 pl-3 dark:border-conflict-dark">
      <p className="text-sm">
        <span className="font-semibold">Sources disagree on this figure.</span> Each report is shown as published.
      </p>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        <ReportCard figure={figure} caption="This report" />
        {reports.map((report) => (
          <ReportCard
            key={report.conflictId}
            figure={report.figure}
            caption="Other report"
            conflictId={report.conflictId}
          />
        ))}
      </ul>
    </div>
  );
}

function ReportCard({ figure, caption, conflictId }: { figure: FigureView; caption: string; conflictId?: string }) {
  return (
    <li className="rounded border border-black/15 bg-paper-raised p-2 text-sm dark:border-white/20 dark:bg-paper-dark-raised">
      <p className="text-xs uppercase tracking-wide text-ink-muted dark:text-ink-inverse/70">{caption}</p>
      <p className="font-semibold first-letter:uppercase">{figure.display}</p>
      <p>
        {figure.label}, <time dateTime={figure.asOf}>{figure.asOfDisplay}</time>
      </p>
      <p>
        <SourceLink source={figure.source} />
      </p>
      {conflictId ? (
        <p>
          <Link href={`/conflicts#${conflictId}`} prefetch={false}>
            Compare the two reports
          </Link>
        </p>
      ) : null}
    </li>
  );
}
