import { CONTROL_CLASS } from "@/components/forms/control";
import { dayText } from "@/lib/corrections/query";
import type { CorrectionsPage } from "@/lib/corrections/pages.server";

/** The corrections page's filters: a plain GET form, so it works without JavaScript. */
export function CorrectionsFilter({ page }: { page: CorrectionsPage }) {
  const { query } = page;
  return (
    <>
      {page.problems.length ? (
        <div role="status" className="mt-4 rounded border border-conflict/40 p-3 text-sm">
          <ul>
            {page.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        method="get"
        action="/corrections"
        className="mt-4 flex flex-wrap items-end gap-3"
        aria-label="Filter corrections"
      >
        <label className="text-sm font-semibold">
          Figure
          <select name="figure" defaultValue={query.figure ?? ""} className={`${CONTROL_CLASS} mt-1 block`}>
            <option value="">Any figure</option>
            {page.figures.map((figure) => (
              <option key={figure.id} value={figure.id}>
                {figure.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Chart
          <select name="chart" defaultValue={query.chart ?? ""} className={`${CONTROL_CLASS} mt-1 block`}>
            <option value="">Any chart</option>
            {page.charts.map((chart) => (
              <option key={chart.slug} value={chart.slug}>
                {chart.title}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          From
          <input type="date" name="from" defaultValue={dayText(query.from)} className={`${CONTROL_CLASS} mt-1 block`} />
        </label>
        <label className="text-sm font-semibold">
          To
          <input type="date" name="to" defaultValue={dayText(query.to)} className={`${CONTROL_CLASS} mt-1 block`} />
        </label>
        <button type="submit" className={`${CONTROL_CLASS} font-semibold`}>
          Show
        </button>
      </form>
    </>
  );
}
