import { createHash } from "node:crypto";
import { LAZY_INTERACTION_SCRIPT, resizeScript } from "./scripts";

/** The SHA-256 of each inline script an embed of this chart may carry, for its CSP. */
export function embedScriptHashes(chartId: string): string[] {
  return [resizeScript(chartId), LAZY_INTERACTION_SCRIPT].map((script) =>
    createHash("sha256").update(script, "utf8").digest("base64"),
  );
}
