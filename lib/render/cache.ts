/**
 * Rendered embed documents, kept in this server process until the data changes. Embeds render
 * per request (their query decides theme, pinning and scripts), so without this every article
 * view would query and draw the chart again. Cleared by lib/revalidate.ts on every change.
 */
const MAX_ENTRIES = 500;
// On globalThis because Next may load this module once per route bundle, and the routes that
// clear it (revalidation, editors' saves) must clear the one the embed route fills.
const store = globalThis as unknown as { veneticRenderedEmbeds?: Map<string, string> };
const rendered = (store.veneticRenderedEmbeds ??= new Map<string, string>());

export async function cachedEmbed(key: string, render: () => Promise<string>): Promise<string> {
  const hit = rendered.get(key);
  if (hit !== undefined) return hit;
  const html = await render();
  if (rendered.size >= MAX_ENTRIES) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, html);
  return html;
}

export function clearRenderedEmbeds(): void {
  rendered.clear();
}
