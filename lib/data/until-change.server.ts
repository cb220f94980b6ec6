/**
 * Reads whose answer depends on the record alone, not on the request (the figures table's choice
 * lists), kept in this process until the record changes: lib/revalidate.server.ts clears them with
 * every cached page. On globalThis, since Next may load this module once per route bundle.
 */
const holder = globalThis as unknown as { veneticUntilChange?: Map<string, Promise<unknown>> };
const kept = (holder.veneticUntilChange ??= new Map());

export function untilChange<T>(key: string, read: () => Promise<T>): Promise<T> {
  const hit = kept.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const reading = read();
  kept.set(key, reading);
  // A failed read is not kept: the next request tries again.
  reading.catch(() => kept.delete(key));
  return reading;
}

export function forgetUntilChange(): void {
  kept.clear();
}
