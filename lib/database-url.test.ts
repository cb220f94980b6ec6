import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseFile, databaseProvider, databaseUrl, redactDatabaseUrl } from "./database-url.server";

describe("databaseUrl", () => {
  it("defaults to a file inside the checkout", () => {
    expect(databaseUrl(undefined, "/srv/app")).toBe(`file:${path.join("/srv/app", "prisma", "venetic.db")}`);
    expect(databaseUrl("  ", "/srv/app")).toBe(`file:${path.join("/srv/app", "prisma", "venetic.db")}`);
  });

  it("resolves relative paths against the working directory and keeps absolute ones", () => {
    expect(databaseUrl("file:./data/x.db", "/srv/app")).toBe("file:/srv/app/data/x.db");
    expect(databaseUrl("file:/var/lib/venetic.db", "/srv/app")).toBe("file:/var/lib/venetic.db");
  });

  it("keeps a PostgreSQL URL as given, with either scheme", () => {
    for (const url of [
      "postgres://localhost/venetic",
      "postgresql://venetic:secret@db.example.org:5432/venetic?sslmode=require",
      "postgresql://venetic@/venetic?host=/var/run/postgresql",
    ]) {
      expect(databaseUrl(url, "/srv/app")).toBe(url);
      expect(databaseProvider(url)).toBe("postgresql");
    }
    expect(databaseProvider(databaseUrl(undefined))).toBe("sqlite");
    expect(() => databaseFile("postgresql://localhost/venetic")).toThrow(/not a SQLite file/);
  });

  it("refuses a PostgreSQL URL without a database, and never repeats its password", () => {
    expect(() => databaseUrl("postgresql://venetic:hunter2@localhost:5432")).toThrow(/must name a PostgreSQL database/);
    expect(() => databaseUrl("postgresql://venetic:hunter2@localhost:5432")).not.toThrow(/hunter2/);
    expect(() => databaseUrl("mysql://root:hunter2@db/venetic")).not.toThrow(/hunter2/);
    expect(redactDatabaseUrl("postgresql://venetic:hunter2@db:5432/venetic")).toBe(
      "postgresql://venetic:****@db:5432/venetic",
    );
    expect(redactDatabaseUrl("postgresql://db/venetic")).toBe("postgresql://db/venetic");
    expect(redactDatabaseUrl("file:/srv/a:b@c.db")).toBe("file:/srv/a:b@c.db");
  });

  it("refuses what is neither a SQLite file nor PostgreSQL, naming the variable", () => {
    expect(() => databaseUrl("mysql://localhost/venetic")).toThrow(/DATABASE_URL must be a SQLite file URL/);
    expect(() => databaseUrl("file:")).toThrow(/DATABASE_URL/);
    expect(() => databaseUrl("file:./x.db?mode=ro")).toThrow(/DATABASE_URL/);
  });
});
