import { CiteThis } from "@/components/citations/cite-this";
import { EmbedCode } from "@/components/embed/embed-code";
import type { CitedWork } from "@/lib/citations/cited-work";
import {
  FIGURE_CARD_IMAGE,
  FIGURE_CARD_LAYOUT,
  figureCard,
  figureCardHeight,
  figureCardPath,
  figureCardSlug,
  figureCardTitle,
} from "@/lib/figures/card";
import type { FigureView } from "@/lib/figures/view";

/**
 * "Embed this figure": the card's code, live or pinned, the card as an image, how to cite the
 * figure (where the page read its citation), and (where there is room, in the admin) the card
 * itself as a reader's article would show it.
 */
export function FigureEmbedPanel({
  site,
  figure,
  latestRevision,
  preview = false,
  open = false,
  citation = null,
}: {
  site: string;
  figure: FigureView;
  latestRevision: number;
  preview?: boolean;
  /** Shown open: the reader asked for this figure's panel. */
  open?: boolean;
  /** The figure's citation, read only for the one panel a reader opened. */
  citation?: CitedWork | null;
}) {
  const card = figureCard(figure, null, site);
  const title = figureCardTitle(card);
  const height = figureCardHeight(card, FIGURE_CARD_LAYOUT.maxWidth);
  return (
    <EmbedCode
      site={site}
      slug={figureCardSlug(figure.id)}
      title={title}
      latestRevision={latestRevision}
      height={height}
      noun="figure"
      maxWidth={FIGURE_CARD_LAYOUT.maxWidth}
      open={open}
    >
      <p className="mt-1 text-xs">
        As an image:{" "}
        <a href={`/api/figures/${figure.id}.png`}>
          the card as a PNG ({FIGURE_CARD_IMAGE.width} × {FIGURE_CARD_IMAGE.height})
        </a>
        .
      </p>
      <p className="mt-1 text-xs">
        <a href={`/figures/${figure.id}/history`}>Its corrections and updates</a>
      </p>
      {citation ? (
        <div className="mt-3">
          <CiteThis work={citation} id={figure.id} compact />
        </div>
      ) : null}
      {preview ? (
        <iframe
          src={figureCardPath(figure.id)}
          title={`Preview of the card: ${title}`}
          height={height}
          loading="lazy"
          className="mt-3 block w-full border border-dashed border-black/20 dark:border-white/25"
          style={{ maxWidth: FIGURE_CARD_LAYOUT.maxWidth }}
        />
      ) : null}
    </EmbedCode>
  );
}
