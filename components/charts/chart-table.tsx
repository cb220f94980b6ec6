import type { ChartRow } from "@/lib/charts/rows";

/** The chart's data as a table: every figure it draws, with qualifier, date and source. */
export function ChartTable({ caption, rows }: { caption: string; rows: ChartRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-black/20 dark:border-white/25">
            <th scope="col" className="py-2 pr-4">
              Series
            </th>
            <th scope="col" className="py-2 pr-4">
              Figure
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Value
            </th>
            <th scope="col" className="py-2 pr-4">
              As of
            </th>
            <th scope="col" className="py-2">
              Source
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.group}-${row.figureId}`}
              className="border-b border-black/10 align-top dark:border-white/15"
            >
              <td className="py-2 pr-4">{row.group}</td>
              <td className="py-2 pr-4">{row.label}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{row.display}</td>
              <td className="py-2 pr-4">
                <time dateTime={row.asOf}>{row.asOfDisplay}</time>
              </td>
              <td className="py-2">
                {row.sourceUrl ? (
                  <a href={row.sourceUrl} rel="noopener noreferrer">
                    {row.source}
                  </a>
                ) : (
                  row.source
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
