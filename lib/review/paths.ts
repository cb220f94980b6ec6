/** The admin's list of held changes. */
export const REVIEW_PATH = "/admin/review";
/** A held change's private preview: /admin/preview/<id>. */
export const PREVIEW_PATH = "/admin/preview";

/**
 * The private preview, with held change `id`, of a public page or embed (`/`, `/charts/<chart>`,
 * `/embed/<chart>`, `/embed/figure/<figure>`, `/figures`): under /admin, so that it is never kept
 * by the public response cache, indexed or framed.
 */
export function previewPagePath(id: number, publicPath: string): string {
  return `${PREVIEW_PATH}/${id}${publicPath === "/" ? "/dashboard" : publicPath}`;
}

/**
 * Whether a path is the preview of an embed: the renderer's own document (decision 0008), whose
 * inline scripts its route's policy names by hash, so the admin's nonce policy must not replace it.
 */
export function isEmbedPreviewPath(pathname: string): boolean {
  return /^\/admin\/preview\/[^/]+\/embed\//.test(pathname);
}
