import { escapeHtml } from "@/lib/escape";

/**
 * What a journalist pastes into an article: an iframe that works alone at a sensible height,
 * and the optional script that then sizes it to its content.
 */
export function embedCode({
  site,
  slug,
  title,
  revision,
  width,
  height,
  maxWidth,
  withScript = true,
}: {
  site: string;
  slug: string;
  title: string;
  revision: number | null;
  width?: number;
  height: number;
  /** How wide the iframe may grow when no width is given (800 px, a chart's). */
  maxWidth?: number;
  withScript?: boolean;
}): string {
  const src = `${site}/embed/${slug}${revision === null ? "" : `?v=${revision}`}`;
  const size = width ? `width="${width}" ` : "";
  const iframe = `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" ${size}height="${height}" style="width:100%;max-width:${width ?? maxWidth ?? 800}px;border:0" loading="lazy" scrolling="no"></iframe>`;
  return withScript ? `${iframe}<script async src="${escapeHtml(`${site}/embed.js`)}"></script>` : iframe;
}
