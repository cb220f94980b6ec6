/**
 * `npm run db:new-migration -- <name>`: writes the SQL that takes the database from the last
 * committed prisma/schema.prisma to the one in the work tree, as a new migration folder.
 * (`prisma migrate dev` needs a shadow database, which the JavaScript engine cannot make for
 * SQLite; see docs/decisions/0001.)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runPrisma } from "@/lib/db/setup";
import { env } from "@/lib/env";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and _)");
  process.exit(1);
}

const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
const previous = path.join(mkdtempSync(path.join(os.tmpdir(), "venetic-")), "schema.prisma");
writeFileSync(previous, committed);

const diff = runPrisma(
  ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  env().DATABASE_URL,
);
if (!diff.ok) {
  console.error(diff.output);
  process.exit(1);
}
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(diff.stdout)) {
  console.log("prisma/schema.prisma is the same as in the last commit: no migration needed.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), diff.stdout);
console.log(`Wrote ${folder}/migration.sql. Read it, then apply it with npm run db:migrate.`);
