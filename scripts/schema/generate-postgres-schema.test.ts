import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchema, SQLITE_SCHEMA } from "./generate-postgres-schema";

const migrationsOf = (folder: string) =>
  readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("the PostgreSQL schema", () => {
  it("is exactly what prisma/schema.prisma generates (run npm run db:generate if not)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("has a migration of the same name for each of SQLite's, and no other", () => {
    // Both are written by npm run db:new-migration; that the PostgreSQL ones build the
    // PostgreSQL schema is checked against a real server in tests/integration/schema.test.ts.
    expect(migrationsOf(path.join("prisma", "postgres", "migrations"))).toEqual(
      migrationsOf(path.join("prisma", "migrations")),
    );
  });

  it("differs from SQLite's only in the provider and the client's folder", () => {
    const generated = postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(generated).toMatch(/provider = "postgresql"/);
    expect(generated).toMatch(/output\s+= "\.\.\/\.\.\/lib\/generated\/prisma-postgres"/);
    expect(generated).not.toMatch(/"sqlite"/);
  });

  it("refuses a master it does not know how to translate, rather than guess", () => {
    const master = readFileSync(SQLITE_SCHEMA, "utf8");
    expect(() => postgresSchema(master.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(
      /expected one datasource/,
    );
    expect(() => postgresSchema(master.replace("label     String", "label     String @db.Text"))).toThrow(
      /native type/,
    );
  });
});
