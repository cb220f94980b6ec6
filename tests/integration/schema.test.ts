import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BUSY_TIMEOUT_MS } from "@/lib/db/client.server";
import { runPrisma } from "@/lib/db/prisma-cli.server";
import { formatMinor, toMinor } from "@/lib/domain/quantity";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";
import { onServer, postgresDatabaseUrl } from "../support/postgres";
import { TEMPLATE_DATABASE, TEST_TMP } from "../support/paths";

let database: TestDatabase;
const onSqlite = TEST_PROVIDER === "sqlite";
const onPostgres = TEST_PROVIDER === "postgresql";

/** A statement straight to the database, past Prisma: what the database itself allows. */
async function rawStatement(sql: string): Promise<void> {
  if (database.file) {
    const sqlite = new Database(database.file);
    try {
      sqlite.prepare(sql).run();
    } finally {
      sqlite.close();
    }
    return;
  }
  await onServer(database.url, sql);
}

const figureFields = {
  id: "test-figure",
  metricId: "cash",
  valueMinor: 100n,
  unit: "GBP",
  qualifier: "exact",
  geographyId: "uk",
  asOf: "2021-03",
  label: "Cash seized",
  quote: "£1 in cash",
};

beforeAll(async () => {
  database = await createTestDatabase();
  const { prisma } = database;
  await prisma.geography.create({ data: { id: "uk", label: "United Kingdom" } });
  await prisma.metric.create({ data: { id: "cash", label: "Cash seized", kind: "seizure", units: "GBP,EUR" } });
  await prisma.source.create({
    data: {
      id: "nca-2021",
      publisher: "National Crime Agency",
      url: "https://nationalcrimeagency.gov.uk/news",
      kind: "official",
    },
  });
});

afterAll(async () => {
  await database.destroy();
});

describe("a figure's source", () => {
  it("is required by the client", async () => {
    await expect(
      // @ts-expect-error sourceId is missing on purpose
      database.prisma.figure.create({ data: { ...figureFields, id: "no-source" } }),
    ).rejects.toThrow(/source/i);
  });

  it("is required by the database itself", async () => {
    await expect(
      rawStatement(
        `INSERT INTO "Figure" (id, "metricId", "valueMinor", unit, qualifier, "geographyId", "asOf", "sourceId", label, quote, "updatedAt")
         VALUES ('raw', 'cash', 1, 'GBP', 'exact', 'uk', '2021', NULL, 'x', 'y', CURRENT_TIMESTAMP)`,
      ),
    ).rejects.toThrow(
      onSqlite
        ? /NOT NULL constraint failed: Figure.sourceId/
        : /null value in column "sourceId".*violates not-null constraint/,
    );
  });

  it("must exist", async () => {
    await expect(
      database.prisma.figure.create({ data: { ...figureFields, id: "ghost-source", sourceId: "no-such-source" } }),
    ).rejects.toThrow(/foreign key/i);
  });

  it("cannot be deleted while a figure cites it", async () => {
    await database.prisma.figure.create({ data: { ...figureFields, id: "cited", sourceId: "nca-2021" } });
    await expect(database.prisma.source.delete({ where: { id: "nca-2021" } })).rejects.toThrow();
    expect(await database.prisma.source.count({ where: { id: "nca-2021" } })).toBe(1);
  });
});

describe("money", () => {
  it.each(["0.01", "19.99", "1234567.89", "54000000", "999999999999.99"])(
    "£%s survives a round trip through the database exactly",
    async (entered) => {
      const id = `money-${entered}`;
      await database.prisma.figure.create({
        data: { ...figureFields, id, sourceId: "nca-2021", valueMinor: toMinor(entered, "GBP") },
      });
      const stored = await database.prisma.figure.findUniqueOrThrow({ where: { id } });
      expect(formatMinor(stored.valueMinor, "GBP")).toBe(entered);
    },
  );

  it("adds up in the database to the penny", async () => {
    const amounts = Array.from(
      { length: 300 },
      (_, index) => `${index}.${String((index * 37) % 100).padStart(2, "0")}`,
    );
    await database.prisma.figure.createMany({
      data: amounts.map((amount, index) => ({
        ...figureFields,
        id: `sum-${index}`,
        sourceId: "nca-2021",
        asOf: "2030",
        valueMinor: toMinor(amount, "GBP"),
      })),
    });
    const total = await database.prisma.figure.aggregate({ where: { asOf: "2030" }, _sum: { valueMinor: true } });
    const expected = amounts.reduce((sum, amount) => sum + toMinor(amount, "GBP"), 0n);
    expect(total._sum.valueMinor).toBe(expected);
    expect(formatMinor(expected, "GBP")).toBe("44998.5"); // 0 + 1 + ... + 299 pounds, and three full cycles of 0..99 pence;
  });
});

describe("revisions", () => {
  it("cannot be changed or deleted once written", async () => {
    const revision = await database.prisma.revision.create({
      data: { recordType: "figure", recordId: "cited", action: "create", after: "{}" },
    });
    await expect(
      database.prisma.revision.update({ where: { id: revision.id }, data: { reason: "rewritten" } }),
    ).rejects.toThrow();
    await expect(database.prisma.revision.delete({ where: { id: revision.id } })).rejects.toThrow();
    // Prisma reports the trigger's refusal as a constraint error; the database itself says why.
    await expect(rawStatement(`DELETE FROM "Revision"`)).rejects.toThrow("revisions are append-only");
    await expect(rawStatement(`UPDATE "Revision" SET reason = 'x'`)).rejects.toThrow("revisions are append-only");
    if (onPostgres)
      await expect(rawStatement(`TRUNCATE "Revision" CASCADE`)).rejects.toThrow("revisions are append-only");
    expect(await database.prisma.revision.findUnique({ where: { id: revision.id } })).toMatchObject({ reason: null });
  });
});

describe.runIf(onSqlite)("the SQLite connection", () => {
  it("uses write-ahead logging, a busy timeout and foreign keys", async () => {
    const [journal] = await database.prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [busy] = await database.prisma.$queryRawUnsafe<{ timeout: bigint }[]>("PRAGMA busy_timeout");
    const [foreignKeys] = await database.prisma.$queryRawUnsafe<{ foreign_keys: bigint }[]>("PRAGMA foreign_keys");
    expect(journal?.journal_mode).toBe("wal");
    expect(Number(busy?.timeout)).toBe(BUSY_TIMEOUT_MS);
    expect(Number(foreignKeys?.foreign_keys)).toBe(1);
  });
});

describe.runIf(onSqlite)("the committed SQLite migrations", () => {
  it("build exactly the schema that prisma/schema.prisma describes", () => {
    // The CLI cannot diff migrations here (no shadow database), so compare what the
    // migrations built (the template) with what the schema alone would build.
    const { ok, stdout, output } = runPrisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      `file:${TEMPLATE_DATABASE}`,
    );
    expect(ok, output).toBe(true);
    const fromSchema = path.join(TEST_TMP, "from-schema.db");
    rmSync(fromSchema, { force: true });
    const scratch = new Database(fromSchema);
    scratch.exec(stdout);
    // Compared by structure, not by SQL text: a migration may add a column with ALTER TABLE
    // where the schema alone would write it inside CREATE TABLE, and both build the same table.
    const shape = (db: Database.Database) => {
      const tables = db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all() as { name: string }[];
      return tables.map(({ name }) => ({
        name,
        columns: (
          db.pragma(`table_info("${name}")`) as {
            name: string;
            type: string;
            notnull: number;
            dflt_value: unknown;
            pk: number;
          }[]
        )
          .map(({ name, type, notnull, dflt_value, pk }) => ({ name, type, notnull, dflt_value, pk }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        foreignKeys: (
          db.pragma(`foreign_key_list("${name}")`) as {
            from: string;
            table: string;
            on_delete: string;
            on_update: string;
          }[]
        )
          .map(({ from, table, on_delete, on_update }) => ({ from, table, on_delete, on_update }))
          .sort((a, b) => a.from.localeCompare(b.from)),
        indexes: (db.pragma(`index_list("${name}")`) as { name: string; unique: number }[])
          .map((index) => ({
            name: index.name,
            unique: index.unique,
            columns: (db.pragma(`index_info("${index.name}")`) as { name: string }[]).map((column) => column.name),
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      }));
    };
    const migrated = new Database(TEMPLATE_DATABASE, { readonly: true });
    try {
      expect(shape(migrated)).toEqual(shape(scratch));
    } finally {
      migrated.close();
      scratch.close();
      rmSync(fromSchema, { force: true });
    }
  });
});

describe.runIf(onPostgres)("the committed PostgreSQL migrations", () => {
  it("build exactly the schema that prisma/postgres/schema.prisma describes", { timeout: 60_000 }, async () => {
    // The CLI applies the migrations to the database it is given (an empty one of this test's
    // own) and compares the result with the schema: exit code 0 when they match, 2 when not.
    const { server, prefix } = inject("postgres");
    const scratch = `${prefix}drift`;
    await onServer(server, `CREATE DATABASE "${scratch}"`);
    try {
      const { ok, stdout, output } = runPrisma(
        [
          "migrate",
          "diff",
          "--from-migrations",
          "prisma/postgres/migrations",
          "--to-schema-datamodel",
          "prisma/postgres/schema.prisma",
          "--script",
          "--exit-code",
        ],
        postgresDatabaseUrl(server, scratch),
      );
      expect(ok, output).toBe(true);
      expect(stdout).toMatch(/empty migration/);
    } finally {
      await onServer(server, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    }
  });
});
