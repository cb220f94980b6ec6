import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseText, plainTextProblem } from "./plain-text";

describe("plainTextProblem", () => {
  it.each(["Over £54 million", "arrests < expected", "<b>not markup to us</b>", "Zoë & Co", "日本語", "😀 emoji"])(
    "accepts ordinary text such as %j",
    (text) => {
      expect(plainTextProblem(text, "one-line", "The label")).toBeNull();
    },
  );

  it.each([
    ["a\u0000b", /The label holds an invisible control character \(U\+0000\)/],
    ["a\u001bb", /\(U\+001B\)/],
    ["a\u007fb", /\(U\+007F\)/],
    ["a\u0085b", /\(U\+0085\)/],
    ["a\tb", /The label holds a tab; remove it or use spaces/],
    ["a\ud800b", /The label holds a broken character/],
    ["a\udfffb", /broken character/],
    ["line one\nline two", /The label is one line: remove the line break/],
    ["a\rb", /one line/],
    ["a\u2028b", /one line/],
  ])("refuses %j in a one-line field, naming the field", (text, message) => {
    expect(plainTextProblem(text, "one-line", "The label")).toMatch(message);
  });

  it("takes line breaks in a multi-line field, but nothing else invisible", () => {
    expect(plainTextProblem(normaliseText("one\r\ntwo\rthree\n", "multi-line"), "multi-line", "The quote")).toBeNull();
    expect(plainTextProblem("one\n\u0000two", "multi-line", "The quote")).toMatch(/U\+0000/);
  });

  it("accepts every well-formed text without controls or line breaks, and refuses every other", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const bad = !text.isWellFormed() || /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(text);
        expect(plainTextProblem(text, "one-line", "The note") !== null).toBe(bad);
      }),
    );
  });
});

describe("normaliseText", () => {
  it("stores one spelling of each character (NFC)", () => {
    expect(normaliseText("Zoe\u0308", "one-line")).toBe("Zoë");
  });

  it("keeps a multi-line text's lines, each break as one newline", () => {
    expect(normaliseText("a\r\nb\rc\u2028d\ne", "multi-line")).toBe("a\nb\nc\nd\ne");
  });

  it("is the same after a second pass, so a form shown and sent back stores the same text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.constantFrom("one-line", "multi-line"),
        (text, shape) => {
          const once = normaliseText(text, shape as "one-line" | "multi-line");
          expect(normaliseText(once, shape as "one-line" | "multi-line")).toBe(once);
        },
      ),
    );
  });
});
