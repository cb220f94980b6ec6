import { createHash } from "node:crypto";

/**
 * The embed's own JavaScript, inlined and tiny: written in ./scripts/, minified by
 * scripts/build/renderer.ts, which writes the result into the renderer bundle in place of
 * MINIFIED_EMBED_SCRIPTS.
 */
export const EMBED_SCRIPT_SOURCES = {
  resize: "components/embed/scripts/resize.ts",
  loadInteraction: "components/embed/scripts/load-interaction.ts",
} as const;

export type MinifiedEmbedScripts = Record<keyof typeof EMBED_SCRIPT_SOURCES, string>;

declare const MINIFIED_EMBED_SCRIPTS: MinifiedEmbedScripts;

/** The name the resize script's source declares for its chart's id, left as it is by the minifier. */
export const CHART_ID_PLACEHOLDER = "EMBED_CHART_ID";

/** A script's text, and the SHA-256 (base64) by which the embed's CSP allows it. */
export type InlineScript = { text: string; hash: string };

/** The resize script; and, unless the embed is static, the loader of the tooltips. */
export type EmbedScripts = { resize: InlineScript; loadInteraction: InlineScript | null };

function inline(text: string): InlineScript {
  return { text, hash: createHash("sha256").update(text, "utf8").digest("base64") };
}

const resizeScripts = new Map<string, InlineScript>();
let loadInteraction: InlineScript | undefined;

/** The scripts an embed of this chart carries, each hashed once, when it is first made. */
export function embedScripts(chartId: string, interactive: boolean): EmbedScripts {
  let resize = resizeScripts.get(chartId);
  if (!resize) {
    resize = inline(MINIFIED_EMBED_SCRIPTS.resize.replace(CHART_ID_PLACEHOLDER, () => JSON.stringify(chartId)));
    resizeScripts.set(chartId, resize);
  }
  if (!interactive) return { resize, loadInteraction: null };
  loadInteraction ??= inline(MINIFIED_EMBED_SCRIPTS.loadInteraction);
  return { resize, loadInteraction };
}
