import { spawnSync } from "node:child_process";
import path from "node:path";

/** RFC 4287's own grammar (Appendix B), in RELAX NG's XML syntax, which xmllint reads. */
export const ATOM_SCHEMA = path.resolve("tests", "support", "atom.rng");

/**
 * What xmllint (Debian's libxml2-utils, which `npm test` installs) finds wrong with an Atom
 * document against RFC 4287's RELAX NG grammar: nothing when it is valid. The document goes in on
 * standard input, so a feed is checked exactly as it was built or served.
 */
export function atomSchemaErrors(xml: string): string[] {
  const result = spawnSync("xmllint", ["--noout", "--relaxng", ATOM_SCHEMA, "-"], { input: xml, encoding: "utf8" });
  if (result.error) {
    throw new Error(
      `xmllint could not run (${result.error.message}): install Debian's libxml2-utils, as npm test does.`,
    );
  }
  if (result.status === 0) return [];
  return result.stderr
    .split("\n")
    .filter((line) => line.trim() !== "" && !/ fails to validate$/.test(line))
    .map((line) => line.replace(/^-:/, "line "));
}
