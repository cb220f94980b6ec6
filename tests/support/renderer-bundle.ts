import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { ChartRenderer } from "@/lib/render/renderer.server";
import { buildRenderer } from "@/scripts/build/renderer";
import { TEST_TMP } from "./paths";

/**
 * The renderer bundle as the app loads it (built by scripts/build/renderer.ts, required by Node),
 * built for the test file before its first test and deleted after its last. The object returned
 * is filled in then: read `renderer.current` inside tests.
 */
export function rendererBundle(name: string): { current: ChartRenderer } {
  const bundle = path.join(TEST_TMP, `${name}-renderer-${process.pid}.cjs`);
  const holder = {} as { current: ChartRenderer };
  beforeAll(async () => {
    await buildRenderer(bundle);
    holder.current = (createRequire(import.meta.url)(bundle) as { chartRenderer: ChartRenderer }).chartRenderer;
  }, 60_000);
  afterAll(() => rmSync(bundle, { force: true }));
  return holder;
}
