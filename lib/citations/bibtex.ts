import { parsePartialDate } from "@/lib/domain/partial-date";
import { citationNote, type CitedWork } from "./cited-work";

/**
 * A citation as a BibTeX entry (@misc, which every style knows), with biblatex's `date`, `urldate`
 * and `version` beside BibTeX's `year` and `month`, which BibTeX ignores and biblatex reads.
 */

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/**
 * Text as BibTeX and LaTeX read it back as the same characters: the ten special characters
 * escaped, and the pairs TeX joins into other characters (-- into a dash, `` and '' into curly
 * quotes, ?` and !` into inverted marks) kept apart by an empty group. Other Unicode is written as
 * it is: biber and every current reader take UTF-8.
 */
export function bibtexText(text: string): string {
  return text
    .replace(/[\\{}%&$#_~^]/g, (character) => SPECIAL[character] ?? character)
    .replace(/-(?=-)|`(?=`)|'(?=')|[?!](?=`)/g, (character) => `${character}{}`);
}

/**
 * An address for a `url` field, which biblatex reads verbatim: only what would unbalance the
 * entry's braces or end the value is percent-encoded.
 */
function bibtexUrl(url: string): string {
  return url.replace(
    /[{}\\\s]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

export function citationAsBibtex(work: CitedWork): string {
  const { record } = work;
  const date = work.issued === null ? null : parsePartialDate(work.issued);
  const fields: [string, string][] = [
    // Double braces: a reference style must not change the case of a publisher's name or a title.
    ["author", `{${bibtexText(work.author)}}`],
    ["title", `{${bibtexText(work.title)}}`],
    ...(date
      ? ([
          ["year", String(date.year)],
          ...(date.month === undefined ? [] : [["month", MONTHS[date.month - 1]!] as [string, string]]),
          ["date", date.text],
        ] as [string, string][])
      : []),
    ["howpublished", bibtexText(howPublished(work))],
    ["version", `revision ${record.revision}`],
    ["publisher", bibtexText(record.name)],
    ["url", bibtexUrl(record.url)],
    ["urldate", work.accessedOn],
    ["note", bibtexText(citationNote(work))],
  ];
  const width = Math.max(...fields.map(([name]) => name.length));
  const lines = fields.map(([name, value]) => {
    // A month is written as BibTeX's macro (jun), which every style turns into its own words.
    const written = name === "month" ? value : `{${value}}`;
    return `  ${name.padEnd(width)} = ${written},`;
  });
  return `@misc{${work.key},\n${lines.join("\n")}\n}\n`;
}

function howPublished(work: CitedWork): string {
  const { record } = work;
  return work.kind === "figure"
    ? `Figure reported in ${record.name}, revision ${record.revision}`
    : `Chart in ${record.name}, revision ${record.revision}`;
}
