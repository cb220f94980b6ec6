/** The admin's list of held changes. */
export const REVIEW_PATH = "/admin/review";
/** A held change's private preview: /admin/preview/<id>. */
export const PREVIEW_PATH = "/admin/preview";
