import type { RenderedEmbed } from "./renderer.server";

/**
 * Rendered embed documents and chart files, kept in this server process until the data changes.
 * Both render per request (an embed's query decides theme, pinning and scripts; a route with a
 * file name cannot be prerendered, since the renderer is built after Next's build), so without
 * this every article view would query and draw the chart again, and every link preview encode a
 * PNG. Cleared by lib/revalidate.server.ts on every change.
 */
const MAX_ENTRIES = 500;
type Rendering = string | Uint8Array<ArrayBuffer> | RenderedEmbed;
// On globalThis because Next may load this module once per route bundle, and the routes that
// clear it (revalidation, editors' saves) must clear the one the rendering routes fill.
const store = globalThis as unknown as { veneticRenderings?: Map<string, Rendering> };
const rendered = (store.veneticRenderings ??= new Map<string, Rendering>());

/** `render` answers null when there is nothing at the address; that is not kept, so no address a client makes up takes room. */
export async function cachedRendering<T extends Rendering | null>(key: string, render: () => Promise<T>): Promise<T> {
  const hit = rendered.get(key);
  if (hit !== undefined) return hit as T;
  const result = await render();
  if (result === null) return result;
  if (rendered.size >= MAX_ENTRIES) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, result);
  return result;
}

export function clearRenderings(): void {
  rendered.clear();
}
