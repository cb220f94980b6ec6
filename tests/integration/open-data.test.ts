import { randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { validate } from "datapackage";
import { Table } from "tableschema";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as figuresCsv } from "@/app/api/figures.csv/route";
import { GET as dataPackage } from "@/app/api/datapackage.json/route";
import { checkedSaveRecord } from "@/lib/admin/checked.server";
import { forgetUntilChange } from "@/lib/data/until-change.server";
import { readCsv } from "@/lib/csv";
import { datasetJsonLd } from "@/lib/open-data/dataset";
import type { TableSchemaField } from "@/lib/open-data/datapackage";
import { fetchRecordFacts } from "@/lib/open-data/read.server";
import { figureForm } from "../support/figure-form";
import { databaseWithEditors } from "../support/signed-in";
import { TEST_TMP } from "../support/paths";

const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: { ed: { email: "ed@example.org", name: "Ed", role: "editor" } },
});

// The data layer reads through the app's one client; here that is this file's own database.
vi.mock("@/lib/db.server", () => ({
  get db() {
    return database.prisma;
  },
}));

const SITE = "http://localhost:3000";
const written: string[] = [];
afterAll(() => {
  for (const file of written) rmSync(file, { force: true });
});

/** A CSV as a file on disk, where the Table Schema library reads it as any tool would. */
function csvFile(text: string): string {
  const file = path.join(TEST_TMP, `figures-${randomUUID()}.csv`);
  writeFileSync(file, text);
  written.push(file);
  return file;
}

type Package = {
  version: string;
  created: string;
  licenses: { name: string; path: string }[];
  resources: {
    path: string;
    encoding: string;
    schema: { fields: TableSchemaField[]; primaryKey: string; missingValues: string[] };
  }[];
};

async function fetchPackage(): Promise<Package> {
  const response = await dataPackage();
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return (await response.json()) as Package;
}

const latestRevision = () => database.prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } });

/** The CSV's bytes as downloaded, as text: `Response.text()` would drop the byte-order mark. */
async function downloadCsv(): Promise<string> {
  const bytes = Buffer.from(await (await figuresCsv(new Request("http://localhost/api/figures.csv"))).arrayBuffer());
  return bytes.toString("utf8");
}

/** Reads the CSV as its package describes it; the library refuses a row a type or constraint refuses. */
async function readThroughSchema(csv: string, schema: Package["resources"][number]["schema"]) {
  // The file starts with a byte-order mark, for spreadsheets (the resource's description says so).
  // A UTF-8 decoder that follows the Encoding Standard (browsers, fetch) drops it; this library
  // would take it for part of the first column's name, so it is dropped here as such a decoder does.
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const table = await Table.load(csvFile(csv.slice(1)), { schema });
  return table.read({ keyed: true });
}

describe("the Data Package at /api/datapackage.json", () => {
  it("validates against the Tabular Data Package profile, with the licence and the revision it stands at", async () => {
    const descriptor = await fetchPackage();
    const report = await validate(descriptor);
    expect(report.errors.map((error) => error.message)).toEqual([]);
    expect(report.valid).toBe(true);

    const latest = await latestRevision();
    expect(descriptor).toMatchObject({
      profile: "tabular-data-package",
      version: String(latest.id),
      created: latest.createdAt.toISOString(),
      licenses: [{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/" }],
    });
    const [resource] = descriptor.resources;
    expect(resource).toMatchObject({ path: `${SITE}/api/figures.csv`, format: "csv", mediatype: "text/csv" });
  });

  it("describes every column of the CSV, in order, and every row of the CSV conforms to it", async () => {
    const { resources } = await fetchPackage();
    const schema = resources[0]!.schema;
    const csv = await downloadCsv();
    const [header, ...records] = readCsv(csv);
    expect(schema.fields.map((field) => field.name)).toEqual(header!.cells);

    const rows = await readThroughSchema(csv, schema);
    expect(rows).toHaveLength(await database.prisma.figure.count());
    expect(rows).toHaveLength(records.length);
    const arrested = rows.find((row) => row.id === "nca-2022-06-09-arrested");
    expect(arrested).toMatchObject({ kind: "arrest", unit: "people", qualifier: "exact", as_of: "2022-06-08" });
    expect(Number(arrested!.value)).toBe(2864);

    // Table Schema matches a pattern against the whole value; the JavaScript library searches
    // within it, so the whole match is checked here too.
    for (const field of schema.fields.filter((one) => one.constraints?.pattern)) {
      const whole = new RegExp(`^(?:${field.constraints!.pattern})$`);
      for (const row of rows) {
        const value = row[field.name];
        if (value !== null) expect(String(value), `${field.name} of ${String(row.id)}`).toMatch(whole);
      }
    }
  });

  it("refuses a CSV whose rows break its types or constraints", async () => {
    const { resources } = await fetchPackage();
    const schema = resources[0]!.schema;
    const csv = (await downloadCsv()).slice(1);
    const headerLine = csv.split("\r\n")[0]!;
    const firstRow = readCsv(csv)[1]?.cells ?? [];
    const columns = headerLine.split(",");
    const spoiled = (column: string, value: string) => {
      const cells = [...firstRow];
      cells[columns.indexOf(column)] = value;
      return `\uFEFF${headerLine}\r\n${cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")}\r\n`;
    };
    for (const [column, value] of [
      ["qualifier", "roughly"],
      ["unit", "tonnes"],
      ["value", "lots"],
      ["value", "-5"],
      ["kind", ""],
    ]) {
      await expect(readThroughSchema(spoiled(column!, value!), schema), `${column}=${value}`).rejects.toThrow();
    }
  });

  it("moves to the new revision when the record changes", async () => {
    const before = await fetchPackage();
    const figure = await database.prisma.figure.findUniqueOrThrow({ where: { id: "itv-2020-07-02-cash" } });
    const saved = await checkedSaveRecord(
      database.prisma,
      editors.ed.token,
      await figureForm(database.prisma, figure.id, { note: "Checked again", reason: "Test" }),
    );
    expect(saved.status).toBe("saved");
    // What every save does after writing (lib/revalidate.server.ts), less Next's own pages.
    forgetUntilChange();
    const after = await fetchPackage();
    expect(Number(after.version)).toBeGreaterThan(Number(before.version));
    expect(after.version).toBe(String((await latestRevision()).id));
  });
});

describe("the Dataset JSON-LD", () => {
  it("has Google's required properties and the recommended ones, from the record and its revision log", async () => {
    const facts = await fetchRecordFacts();
    const dataset = datasetJsonLd(facts, SITE);
    const latest = await latestRevision();
    expect(dataset.name).toBe("Operation Venetic: the public record");
    // Google: a description between 50 and 5,000 characters.
    expect(dataset.description.length).toBeGreaterThanOrEqual(50);
    expect(dataset.description.length).toBeLessThanOrEqual(5000);
    expect(dataset).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Dataset",
      url: `${SITE}/figures`,
      license: "https://creativecommons.org/licenses/by/4.0/",
      isAccessibleForFree: true,
      creator: { "@type": "Organization", name: "Operation Venetic: the public record" },
      dateModified: latest.createdAt.toISOString(),
      version: String(latest.id),
      distribution: [
        { "@type": "DataDownload", encodingFormat: "text/csv", contentUrl: `${SITE}/api/figures.csv` },
        { "@type": "DataDownload", encodingFormat: "application/json", contentUrl: `${SITE}/api/figures.json` },
      ],
    });
    const span = await database.prisma.figure.aggregate({ _min: { asOf: true }, _max: { asOf: true } });
    expect(dataset.temporalCoverage).toBe(`${span._min.asOf}/${span._max.asOf}`);
    expect(dataset.spatialCoverage).toContainEqual({ "@type": "Place", name: "United Kingdom" });
    expect(dataset.variableMeasured).toContain("Cash seized");
    expect(dataset.keywords).toContain("EncroChat");
  });
});
