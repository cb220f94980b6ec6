import { StaticChart } from "@/components/charts/static-chart";
import { chartRows, chartTooltips } from "@/lib/charts/rows";
import { sourceLine } from "@/lib/charts/source-line";
import type { EmbedRequest } from "@/lib/render/renderer.server";
import type { EmbedScripts } from "./inline-scripts.server";
import { EMBED_CSS } from "./styles";
import { jsonForScript } from "@/lib/escape";

/**
 * A chart alone, as a whole HTML document for an iframe: title, takeaway, the chart as SVG,
 * a text description, the data behind a "show the data" toggle, and its source line. No site
 * navigation, no cookies, no framework JavaScript.
 */
export function EmbedDocument({ chart, params, chartUrl, scripts }: EmbedRequest & { scripts: EmbedScripts }) {
  const rows = chartRows(chart);
  const credit = sourceLine(chart.sources, { markMirrors: true, singular: true });
  return (
    <html lang="en-GB" data-theme={params.theme}>
      {/* A whole document rendered outside Next (components/render), so next/head does not apply. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${chart.title} · Operation Venetic: the public record`}</title>
        <link rel="canonical" href={chartUrl} />
        <link rel="icon" href="/favicon.svg" />
        <style dangerouslySetInnerHTML={{ __html: EMBED_CSS }} />
      </head>
      <body>
        <main>
          <h1>{chart.title}</h1>
          <p className="takeaway">{chart.takeaway}</p>
          {chart.body.type === "timeline" ? (
            <ul className="legend" aria-label="Lines on the chart">
              {chart.body.series.map((series) => (
                <li key={series.key}>
                  <span aria-hidden="true" style={{ background: series.color }} />
                  {series.label}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="chart" role="group" aria-label={`${chart.title}: chart`} aria-describedby="description">
            <StaticChart chart={chart} />
          </div>
          {chart.body.type === "timeline" && chart.body.markers.length > 0 ? (
            <ol className="markers" aria-label="Court rulings marked on the chart">
              {chart.body.markers.map((marker, index) => (
                <li key={marker.id}>
                  {index + 1}. {marker.dateDisplay}: {marker.label}
                </li>
              ))}
            </ol>
          ) : null}
          <p id="description" className="sr-only">
            {chart.description}
          </p>
          <details>
            <summary>Show the data</summary>
            <div className="table-box">
              <table>
                <caption className="sr-only">{`${chart.title}: the data`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Series</th>
                    <th scope="col">Figure</th>
                    <th scope="col">Value</th>
                    <th scope="col">As of</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.group}-${row.figureId}`}>
                      <td>{row.group}</td>
                      <td>{row.label}</td>
                      <td className="value">{row.display}</td>
                      <td>{row.asOfDisplay}</td>
                      <td>{row.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <p className="source">
            {credit ? `${credit} ` : ""}
            {params.revision !== null ? `As recorded at revision ${params.revision}. ` : ""}
            {chart.correction ? (
              <>
                <a className="corrected" href={chart.correction.historyUrl} target="_blank" rel="noopener">
                  {chart.correction.text}
                </a>
                .{" "}
              </>
            ) : null}
            <a href={chartUrl} target="_blank" rel="noopener">
              Operation Venetic: the public record
            </a>
          </p>
        </main>
        <script dangerouslySetInnerHTML={{ __html: scripts.resize.text }} />
        {scripts.loadInteraction === null ? null : (
          <>
            <script
              id="chart-data"
              type="application/json"
              dangerouslySetInnerHTML={{ __html: jsonForScript(chartTooltips(chart)) }}
            />
            <script dangerouslySetInnerHTML={{ __html: scripts.loadInteraction.text }} />
          </>
        )}
      </body>
    </html>
  );
}
