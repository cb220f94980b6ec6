/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (Playwright's own, Chrome...). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}
