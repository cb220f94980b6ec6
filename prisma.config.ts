import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseProvider, databaseUrl } from "./lib/database-url.server";
import { postgresAdapter } from "./lib/db/postgres.server";

// Prisma 6.19's CLI downloads a native engine at start-up unless these point at a file; with
// the JavaScript engines below that file is never run (see docs/decisions/0001).
const anyFile = path.resolve("package.json");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= anyFile;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= anyFile;
const url = databaseUrl(process.env.DATABASE_URL);
process.env.DATABASE_URL = url;

// DATABASE_URL picks the database, and with it the schema and migrations: SQLite's in prisma/,
// PostgreSQL's (generated from SQLite's) in prisma/postgres/ (docs/decisions/0010).
const folder = databaseProvider(url) === "postgresql" ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    return databaseProvider(url) === "postgresql" ? postgresAdapter(url) : new PrismaBetterSQLite3({ url });
  },
});
