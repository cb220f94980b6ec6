import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("has working defaults, so nothing needs configuring for a first run", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.CORRECTION_NOTICE_DAYS).toBe(30);
    expect(env.REVIEW_BEFORE_PUBLISHING).toBe(false);
    expect(env.DATABASE_URL).toMatch(/^file:\/.*prisma\/venetic\.db$/);
  });

  it("takes a PostgreSQL URL as the database", () => {
    const url = "postgresql://venetic:secret@db.example.org:5432/venetic";
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(() => parseEnv({ DATABASE_URL: "postgres://venetic:secret@db.example.org" })).toThrow(
      /DATABASE_URL: DATABASE_URL must name a PostgreSQL database/,
    );
  });

  it("trusts no proxy unless told, and reads a count of hops or a list of addresses", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual({ kind: "none" });
    expect(parseEnv({ TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toEqual({ kind: "hops", count: 1 });
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8,::1" }).TRUSTED_PROXIES).toMatchObject({ kind: "addresses" });
  });

  it("turns review before publishing on only when told", () => {
    expect(parseEnv({ REVIEW_BEFORE_PUBLISHING: "on" }).REVIEW_BEFORE_PUBLISHING).toBe(true);
    expect(parseEnv({ REVIEW_BEFORE_PUBLISHING: "off" }).REVIEW_BEFORE_PUBLISHING).toBe(false);
  });

  it("takes an action encryption key of the sizes AES has", () => {
    for (const bytes of [16, 24, 32]) {
      const key = Buffer.alloc(bytes, 7).toString("base64");
      expect(parseEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(key);
    }
  });

  it.each([
    [{ PORT: "eighty" }, /PORT: PORT must be a number/],
    [{ PORT: "70000" }, /PORT: PORT must be between 1 and 65535/],
    [{ PORT: "80.5" }, /PORT: PORT must be a whole number/],
    [{ DATABASE_URL: "mysql://db" }, /DATABASE_URL: DATABASE_URL must be a SQLite file URL/],
    [{ NODE_ENV: "staging" }, /NODE_ENV/],
    [{ REVALIDATE_TOKEN: "short" }, /REVALIDATE_TOKEN must be at least 32 characters/],
    [{ CORRECTION_NOTICE_DAYS: "a month" }, /CORRECTION_NOTICE_DAYS: CORRECTION_NOTICE_DAYS must be a number of days/],
    [{ REVIEW_BEFORE_PUBLISHING: "yes" }, /REVIEW_BEFORE_PUBLISHING: REVIEW_BEFORE_PUBLISHING must be on or off/],
    [{ CORRECTION_NOTICE_DAYS: "-1" }, /CORRECTION_NOTICE_DAYS must be 0 \(no notice\) or more/],
    [
      { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "not a key" },
      /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 16, 24 or 32 random bytes/,
    ],
    [{ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(20).toString("base64") }, /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY/],
    [{ TRUSTED_PROXIES: "the load balancer" }, /TRUSTED_PROXIES: TRUSTED_PROXIES must be a number of proxies/],
  ])("stops on %j with a message naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigurationError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});
