import path from "node:path";

/** Where scripts/build/renderer.ts writes the renderer bundle, beside Next's own build. */
export const RENDERER_BUNDLE = path.join(".next", "venetic-renderer.cjs");
