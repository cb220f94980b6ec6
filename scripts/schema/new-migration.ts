/**
 * `npm run db:new-migration -- <name>`: after a change to prisma/schema.prisma, writes
 * prisma/postgres/schema.prisma from it, and one migration per database, under the same name:
 *   prisma/migrations/<timestamp>_<name>/migration.sql            (SQLite)
 *   prisma/postgres/migrations/<timestamp>_<name>/migration.sql   (PostgreSQL)
 * each the SQL that takes that database from the last committed schema to the work tree's.
 * (`prisma migrate dev` needs a shadow database, which the JavaScript engine cannot make for
 * SQLite; see docs/decisions/0001 and 0010.) Needs no database server: it diffs schema files.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runPrisma } from "@/lib/db/prisma-cli.server";
import { POSTGRES_SCHEMA, postgresSchema, SQLITE_SCHEMA } from "./generate-postgres-schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and _)");
  process.exit(1);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "venetic-"));
// Diffs between schema files touch no database, but the CLI still opens the one its config
// names: give it a scratch SQLite file, so this works whatever DATABASE_URL says.
const scratchUrl = `file:${path.join(scratch, "scratch.db")}`;

const committedSqlite = execFileSync("git", ["show", `HEAD:${SQLITE_SCHEMA}`], { encoding: "utf8" });
const workingSqlite = readFileSync(SQLITE_SCHEMA, "utf8");
writeFileSync(POSTGRES_SCHEMA, postgresSchema(workingSqlite));

type Target = { database: string; previous: string; schema: string; migrations: string };
const targets: Target[] = [
  {
    database: "SQLite",
    previous: committedSqlite,
    schema: SQLITE_SCHEMA,
    migrations: path.join("prisma", "migrations"),
  },
  {
    database: "PostgreSQL",
    previous: postgresSchema(committedSqlite),
    schema: POSTGRES_SCHEMA,
    migrations: path.join("prisma", "postgres", "migrations"),
  },
];

const scripts = targets.map((target, index) => {
  const previous = path.join(scratch, `previous-${index}.prisma`);
  writeFileSync(previous, target.previous);
  const diff = runPrisma(
    ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", target.schema, "--script"],
    scratchUrl,
  );
  if (!diff.ok) {
    console.error(diff.output);
    process.exit(1);
  }
  return diff.stdout;
});

if (!scripts.some((script) => /\b(CREATE|ALTER|DROP|INSERT)\b/.test(script))) {
  console.log(`${SQLITE_SCHEMA} is the same as in the last commit: no migration needed.`);
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
targets.forEach((target, index) => {
  const folder = path.join(target.migrations, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), scripts[index]!);
  console.log(`Wrote ${folder}/migration.sql (${target.database}).`);
});
if (/"new_Revision"/.test(scripts[0]!)) {
  console.warn(
    "The SQLite migration rebuilds the Revision table, which drops its append-only triggers: add them again at its end (see the first migration).",
  );
}
console.log(
  `Wrote ${POSTGRES_SCHEMA}. Read both migrations, then apply with npm run db:migrate (and npm run db:generate for the clients).`,
);
