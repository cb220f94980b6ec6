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
