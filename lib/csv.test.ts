import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv, toCsv } from "./csv";

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

describe("readCsv", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, and numbers lines as an editor sees them", () => {
    const csv = '\uFEFFname,note\r\n"A, B","said ""no""\nthen left"\r\n\r\nC,plain\n';
    expect(readCsv(csv)).toEqual([
      { line: 1, cells: ["name", "note"] },
      { line: 2, cells: ["A, B", 'said "no"\nthen left'] },
      { line: 5, cells: ["C", "plain"] },
    ]);
  });

  it("reports a quote left open on its own line and reads the lines after it as rows of their own", () => {
    const csv = 'label,note\nfirst,"left open\nsecond,fine\nthird,fine\n';
    expect(readCsv(csv)).toEqual([
      { line: 1, cells: ["label", "note"] },
      { line: 2, problem: expect.stringMatching(/never closed/) },
      { line: 3, cells: ["second", "fine"] },
      { line: 4, cells: ["third", "fine"] },
    ]);
  });

  it("reports a quote left open even when a later line's quote closes it, by the cells it comes out with", () => {
    const csv = 'label,value,note\nfirst,"1,x\nsecond,2,fine\nthird,3,ends"\nfourth,4,fine';
    expect(readCsv(csv).map((record) => record.problem ?? record.cells)).toEqual([
      ["label", "value", "note"],
      expect.stringMatching(/never closed/),
      ["second", "2", "fine"],
      ["third", "3", 'ends"'],
      ["fourth", "4", "fine"],
    ]);
  });

  it("reports a closing quote followed by more text, instead of guessing", () => {
    const csv = 'a,"open\nb,"quoted" cell\nc,d';
    expect(readCsv(csv).map((record) => record.problem ?? record.cells)).toEqual([
      expect.stringMatching(/never closed/),
      expect.stringMatching(/never closed/),
      ["c", "d"],
    ]);
  });

  it("reads back every table toCsv writes", () => {
    const cell = fc.string({ unit: "binary", maxLength: 12 }).filter((text) => !/^[=+\-@\t\r]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 5 }), (pairs) => {
        const rows = pairs
          .map(([name, value]) => ({ name, value }))
          .filter((row) => row.name.trim() !== "" || row.value.trim() !== "");
        const read = readCsv(toCsv([...columns], rows));
        expect(read.map((record) => record.cells)).toEqual([
          ["name", "value"],
          ...rows.map((row) => [row.name, row.value]),
        ]);
      }),
    );
  });
});
