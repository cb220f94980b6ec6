/**
 * Bundles components/render/renderer.server.ts for Node, leaving React, ReactDOM, Recharts and the PNG
 * renderer as ordinary packages (docs/decisions/0008), with the embed's inline scripts minified
 * from their sources into it. Part of `npm run build` and `npm start`.
 */
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import {
  CHART_ID_PLACEHOLDER,
  EMBED_SCRIPT_SOURCES,
  type MinifiedEmbedScripts,
} from "../../components/embed/inline-scripts.server";
import { RENDERER_BUNDLE } from "../../lib/render/paths.server";

/** Each inline script of the embed as the browser gets it; its CSP hash is taken from this text. */
export async function minifyEmbedScripts(): Promise<MinifiedEmbedScripts> {
  const minified = async (entry: string) => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "iife",
      target: "es2017",
      write: false,
      logLevel: "warning",
    });
    return result.outputFiles[0]!.text.trimEnd();
  };
  const scripts = {
    resize: await minified(EMBED_SCRIPT_SOURCES.resize),
    loadInteraction: await minified(EMBED_SCRIPT_SOURCES.loadInteraction),
  };
  // The chart's id is written in where the minified resize script names the placeholder, once.
  if (scripts.resize.split(CHART_ID_PLACEHOLDER).length !== 2) {
    throw new Error(`${EMBED_SCRIPT_SOURCES.resize} must use ${CHART_ID_PLACEHOLDER} exactly once.`);
  }
  return scripts;
}

export async function buildRenderer(outfile: string = RENDERER_BUNDLE): Promise<void> {
  await build({
    entryPoints: ["components/render/renderer.server.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    jsx: "automatic",
    external: ["react", "react-dom", "recharts", "@resvg/resvg-js"],
    define: { MINIFIED_EMBED_SCRIPTS: JSON.stringify(await minifyEmbedScripts()) },
    logLevel: "warning",
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildRenderer();
  console.log(`Wrote ${RENDERER_BUNDLE}.`);
}
