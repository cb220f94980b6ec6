/**
 * `npm run db:generate`: writes prisma/postgres/schema.prisma from prisma/schema.prisma, the one
 * schema anyone edits. Prisma wants one provider per schema file, so the PostgreSQL copy differs
 * only in its datasource provider and its client's output folder (docs/decisions/0010).
 * `--check` writes nothing and exits 1 when the committed copy is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

const HEADER = [
  "// GENERATED from prisma/schema.prisma by scripts/schema/generate-postgres-schema.ts: do not edit.",
  "// Edit prisma/schema.prisma, then run `npm run db:new-migration -- <name>`, which writes this",
  "// file and a migration for each database (docs/decisions/0010).",
  "",
].join("\n");

/** Replaces exactly one match, so a change to the master's shape fails here instead of slipping through. */
function replaceOnce(
  text: string,
  pattern: RegExp,
  replacement: (match: RegExpExecArray) => string,
  what: string,
): string {
  const matches = [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`))];
  if (matches.length !== 1) {
    throw new Error(
      `${SQLITE_SCHEMA}: expected one ${what}, found ${matches.length}; update scripts/schema/generate-postgres-schema.ts.`,
    );
  }
  const [match] = matches as [RegExpExecArray];
  return text.slice(0, match.index) + replacement(match) + text.slice(match.index + match[0].length);
}

/** The PostgreSQL schema for a given SQLite schema text. */
export function postgresSchema(sqlite: string): string {
  if (/@db\./.test(sqlite)) {
    // Native types are named per provider; mapping them needs a decision, not a guess.
    throw new Error(
      `${SQLITE_SCHEMA} uses a native type (@db.…): map it for PostgreSQL in scripts/schema/generate-postgres-schema.ts.`,
    );
  }
  let schema = replaceOnce(
    sqlite,
    /(datasource db \{[^}]*?provider\s*=\s*)"sqlite"/,
    (match) => `${match[1]}"postgresql"`,
    'datasource with provider = "sqlite"',
  );
  schema = replaceOnce(
    schema,
    /(generator client \{[^}]*?output\s*=\s*)"([^"]+)"/,
    (match) => {
      // The output is relative to the schema file; the copy sits one folder deeper.
      const target = path.posix.join("prisma", match[2]!);
      const fromCopy = path.posix.relative(path.posix.dirname(POSTGRES_SCHEMA.split(path.sep).join("/")), target);
      return `${match[1]}"${fromCopy}-postgres"`;
    },
    "generator client with an output",
  );
  return HEADER + schema;
}

function main(): void {
  const expected = postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  let current = "";
  try {
    current = readFileSync(POSTGRES_SCHEMA, "utf8");
  } catch {
    // Not written yet.
  }
  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error(`${POSTGRES_SCHEMA} is out of date with ${SQLITE_SCHEMA}: run npm run db:generate.`);
      process.exit(1);
    }
    console.log(`${POSTGRES_SCHEMA} matches ${SQLITE_SCHEMA}.`);
    return;
  }
  if (current === expected) {
    console.log(`${POSTGRES_SCHEMA} is up to date.`);
    return;
  }
  writeFileSync(POSTGRES_SCHEMA, expected);
  console.log(`Wrote ${POSTGRES_SCHEMA} from ${SQLITE_SCHEMA}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
