import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

const columns = [
  { key: "name", header: "name" },
  { key: "value", header: "value" },
] as const;

describe("toCsv", () => {
  it("starts with a byte-order mark and ends lines with CRLF", () => {
    expect(toCsv([...columns], [{ name: "cash", value: "54000000" }])).toBe("\uFEFFname,value\r\ncash,54000000\r\n");
  });

  it("quotes fields holding commas, quotes and line breaks", () => {
    const csv = toCsv([...columns], [{ name: 'R v A, B "and" C', value: "line\nbreak" }]);
    expect(csv).toContain('"R v A, B ""and"" C","line\nbreak"');
  });

  it.each(['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"])(
    "neutralises %j so a spreadsheet shows it as text",
    (cell) => {
      const line = toCsv([...columns], [{ name: cell, value: "1" }]).split("\r\n")[1]!;
      expect(line.startsWith("'") || line.startsWith("\"'")).toBe(true);
    },
  );

  it("leaves negative numbers as numbers", () => {
    expect(toCsv([...columns], [{ name: "x", value: "-12.5" }])).toContain("x,-12.5");
  });
});
