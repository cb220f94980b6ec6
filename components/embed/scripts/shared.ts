/**
 * What the embed's inline scripts share with the two scripts it serves as they are written,
 * public/embed.js (for host pages) and public/embed-chart.js (tooltips and keyboard focus).
 * lib/render/renderer.test.ts checks those files still agree.
 */

/** What /embed.js sends an embed that loaded before it did, so that it says its height again. */
export const ASK_HEIGHT = "venetic-embed:height?";

export const INTERACTION_SCRIPT = "/embed-chart.js";
