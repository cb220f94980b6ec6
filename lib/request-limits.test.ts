import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FORM_BYTES, MAX_QUERY_LENGTH, malformedQuery, oversizedForm } from "./request-limits";

describe("malformedQuery", () => {
  it.each(["", "?", "?kind=seizure&sort=value", "?q=caf%C3%A9+cr%C3%A8me", "?q=50%25", "?a&b=&c=1"])(
    "reads %s",
    (search) => {
      expect(malformedQuery(search)).toBeNull();
    },
  );

  it.each(["?q=%00", "?q=a%0Ab", "?q=%7F"])("refuses a control character in %s", (search) => {
    expect(malformedQuery(search)).toMatch(/control character/);
  });

  it.each(["?q=%", "?q=%E0%A4%A", "?q=%ZZ", "?page=1&q=%C3", "?q=%EF%BF%BD"])(
    "refuses broken percent-encoding in %s",
    (search) => {
      expect(malformedQuery(search)).toMatch(/not valid/);
    },
  );

  it("refuses a query longer than the limit, and only then", () => {
    expect(malformedQuery(`?q=${"a".repeat(MAX_QUERY_LENGTH - 2)}`)).toBeNull();
    expect(malformedQuery(`?q=${"a".repeat(MAX_QUERY_LENGTH - 1)}`)).toMatch(/longer than 2,048/);
  });

  it("reads every query a browser would make from any text", () => {
    const text = fc
      .string({ unit: "grapheme", maxLength: 30 })
      .filter((value) => !value.includes("\uFFFD") && !/[\u0000-\u001F\u007F]/.test(value));
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 5 }), (entries) => {
        expect(malformedQuery(`?${new URLSearchParams(entries).toString()}`)).toBeNull();
      }),
    );
  });
});

describe("oversizedForm", () => {
  it("takes a form up to the limit", () => {
    expect(oversizedForm("0")).toBeNull();
    expect(oversizedForm(String(MAX_FORM_BYTES))).toBeNull();
  });

  it("refuses a larger form, and one whose length is missing or not a number", () => {
    expect(oversizedForm(String(MAX_FORM_BYTES + 1))).toMatch(/larger than 4 MB/);
    expect(oversizedForm(null)).toMatch(/Content-Length/);
    expect(oversizedForm("-1")).toMatch(/Content-Length/);
    expect(oversizedForm("1e9")).toMatch(/Content-Length/);
  });
});
