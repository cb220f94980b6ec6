import { existsSync } from "node:fs";

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (Playwright's own, Chrome...). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

export function chromiumMissingMessage(): string | null {
  const file = chromiumPath();
  if (existsSync(file)) return null;
  return [
    `Chromium was not found at ${file}, so the browser tests cannot run.`,
    "Install Debian's Chromium:   sudo apt-get update && sudo apt-get install -y chromium",
    "or point CHROMIUM_PATH at a Chromium or Chrome binary, e.g. CHROMIUM_PATH=/usr/bin/google-chrome npm test",
  ].join("\n");
}
