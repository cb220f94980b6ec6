import { describe, expect, it } from "vitest";
import { insensitiveText } from "./postgres.server";

describe("insensitiveText", () => {
  it("makes every text pattern ignore case, however deeply it is nested", () => {
    const where = {
      OR: [{ label: { contains: "Cash" } }, { source: { publisher: { startsWith: "nca" } } }],
      AND: [{ quote: { endsWith: "x", not: "y" } }],
      id: "exact-ids-stay-exact",
    };
    expect(insensitiveText({ where, take: 5 })).toEqual({
      where: {
        OR: [
          { label: { contains: "Cash", mode: "insensitive" } },
          { source: { publisher: { startsWith: "nca", mode: "insensitive" } } },
        ],
        AND: [{ quote: { endsWith: "x", not: "y", mode: "insensitive" } }],
        id: "exact-ids-stay-exact",
      },
      take: 5,
    });
    expect(where.OR[0]).toEqual({ label: { contains: "Cash" } });
  });

  it("leaves values that are not plain objects alone", () => {
    const when = new Date("2024-01-01T00:00:00Z");
    const args = { data: { valueMinor: 12n, createdAt: when, label: "contains" }, where: { id: { in: ["a"] } } };
    const result = insensitiveText(args);
    expect(result).toEqual(args);
    expect(result.data.createdAt).toBe(when);
    expect(insensitiveText(undefined)).toBeUndefined();
  });

  it("keeps a mode that was asked for", () => {
    expect(insensitiveText({ label: { contains: "x", mode: "default" } })).toEqual({
      label: { contains: "x", mode: "default" },
    });
  });
});
