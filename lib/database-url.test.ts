import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "./database-url";

describe("databaseUrl", () => {
  it("defaults to a file inside the checkout", () => {
    expect(databaseUrl(undefined, "/srv/app")).toBe(`file:${path.join("/srv/app", "prisma", "venetic.db")}`);
    expect(databaseUrl("  ", "/srv/app")).toBe(`file:${path.join("/srv/app", "prisma", "venetic.db")}`);
  });

  it("resolves relative paths against the working directory and keeps absolute ones", () => {
    expect(databaseUrl("file:./data/x.db", "/srv/app")).toBe("file:/srv/app/data/x.db");
    expect(databaseUrl("file:/var/lib/venetic.db", "/srv/app")).toBe("file:/var/lib/venetic.db");
  });

  it("refuses what is not a SQLite file, naming the variable", () => {
    expect(() => databaseUrl("postgres://localhost/venetic")).toThrow(/DATABASE_URL must be a SQLite file URL/);
    expect(() => databaseUrl("file:")).toThrow(/DATABASE_URL/);
    expect(() => databaseUrl("file:./x.db?mode=ro")).toThrow(/DATABASE_URL/);
  });
});
