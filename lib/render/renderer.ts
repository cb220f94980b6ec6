import "server-only";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { RENDERER_BUNDLE } from "./paths";

type Renderer = typeof import("./static-markup");

let renderer: Renderer | undefined;

/** The static-markup renderer, loaded by Node itself so that Next's bundler never sees it. */
export function staticRenderer(): Renderer {
  if (renderer) return renderer;
  const bundle = path.resolve(/*turbopackIgnore: true*/ process.cwd(), RENDERER_BUNDLE);
  if (!existsSync(bundle)) {
    throw new Error(`${RENDERER_BUNDLE} is missing: run npm run build (npm start does it when needed).`);
  }
  renderer = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"))(bundle) as Renderer;
  return renderer;
}
