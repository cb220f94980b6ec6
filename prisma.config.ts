import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./lib/database-url";

// Prisma 6.19's CLI downloads a native engine at start-up unless these point at a file; with
// the JavaScript engines below that file is never run (see docs/decisions/0001).
const anyFile = path.resolve("package.json");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= anyFile;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= anyFile;
process.env.DATABASE_URL = databaseUrl(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});
