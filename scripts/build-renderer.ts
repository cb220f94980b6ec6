/**
 * Bundles components/render/renderer.ts for Node, leaving React, ReactDOM, Recharts and the PNG
 * renderer as ordinary packages (docs/decisions/0008). Part of `npm run build` and `npm start`.
 */
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { RENDERER_BUNDLE } from "../lib/render/paths";

export async function buildRenderer(): Promise<void> {
  await build({
    entryPoints: ["components/render/renderer.ts"],
    outfile: RENDERER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    jsx: "automatic",
    external: ["react", "react-dom", "recharts", "@resvg/resvg-js"],
    logLevel: "warning",
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildRenderer();
  console.log(`Wrote ${RENDERER_BUNDLE}.`);
}
