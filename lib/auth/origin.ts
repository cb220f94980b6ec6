/**
 * Whether a POST came from a page of this site: its Origin header names the host it was sent
 * to. Browsers always send Origin with a POST, so a post without one was made by hand.
 */
export function isSameOrigin(origin: string | null, host: string | null): boolean {
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
