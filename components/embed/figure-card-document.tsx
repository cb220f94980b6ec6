import { figureCardTitle, figureSourceName } from "@/lib/figures/card";
import type { FigureCardRequest } from "@/lib/render/renderer.server";
import { FIGURE_CARD_CSS } from "./figure-card-styles";
import type { InlineScript } from "./inline-scripts.server";

/**
 * One figure alone, as a whole HTML document for an iframe: its label, its value as reported,
 * where and when, the source's words behind a toggle, the source and a link back. Everything is
 * in the first HTML; the only script tells the host page the card's height. Text from the record
 * sits in <bdi>, so a right-to-left name or a stray direction mark cannot reorder what follows it.
 */
export function FigureCardDocument({ card, theme, resize }: FigureCardRequest & { resize: InlineScript }) {
  const source = <bdi>{figureSourceName(card.source)}</bdi>;
  return (
    <html lang="en-GB" data-theme={theme}>
      {/* A whole document rendered outside Next (components/render), so next/head does not apply. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${figureCardTitle(card)} · Operation Venetic: the public record`}</title>
        <link rel="canonical" href={card.recordUrl} />
        <link rel="alternate" type="application/json+oembed" href={card.oembedUrl} title={figureCardTitle(card)} />
        <link rel="icon" href="/favicon.svg" />
        <style dangerouslySetInnerHTML={{ __html: FIGURE_CARD_CSS }} />
      </head>
      <body>
        <main>
          <h1>
            <bdi>{card.label}</bdi>
          </h1>
          <p className="value">
            <bdi>{card.display}</bdi>
          </p>
          <p className="context">
            <bdi>{card.area}</bdi>, as of <time dateTime={card.asOf}>{card.asOfDisplay}</time>
          </p>
          <details>
            <summary>The source&apos;s words</summary>
            <blockquote>
              “<bdi>{card.quote}</bdi>”
            </blockquote>
          </details>
          <p className="source">
            Source:{" "}
            {card.source.url ? (
              <a href={card.source.url} target="_blank" rel="noopener noreferrer">
                {source}
              </a>
            ) : (
              source
            )}
            . {card.revision !== null ? `As recorded at revision ${card.revision}. ` : ""}
            {card.correction ? (
              <>
                <a className="corrected" href={card.correction.historyUrl} target="_blank" rel="noopener">
                  {card.correction.text}
                </a>
                .{" "}
              </>
            ) : null}
            <a href={card.recordUrl} target="_blank" rel="noopener">
              Operation Venetic: the public record
            </a>
          </p>
        </main>
        <script dangerouslySetInnerHTML={{ __html: resize.text }} />
      </body>
    </html>
  );
}
