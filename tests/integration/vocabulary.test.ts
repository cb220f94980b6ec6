import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, inject, it, vi } from "vitest";
import { GET as figuresCsv } from "@/app/api/figures.csv/route";
import { checkedDeleteRecord, checkedRevert, checkedSaveRecord } from "@/lib/admin/checked.server";
import { ADMINS_ONLY_MESSAGE } from "@/lib/auth/guard.server";
import { readCsv } from "@/lib/csv";
import { fetchAgencyGroups } from "@/lib/data/agencies.server";
import { forgetUntilChange } from "@/lib/data/until-change.server";
import { fetchFiguresForExport, fetchFigureTable } from "@/lib/figures/read.server";
import { fetchRecordFacts } from "@/lib/open-data/read.server";
import { SEEDED_AGENCY_KINDS } from "@/lib/seed/agency-kinds";
import { TEST_PROVIDER } from "../support/database";
import { TEST_TMP } from "../support/paths";
import { onServer, postgresDatabaseUrl } from "../support/postgres";
import { databaseWithEditors } from "../support/signed-in";

/**
 * Issue #15's vocabulary: metrics, areas and agency kinds added and renamed by an admin, with
 * revisions; refused to editors; never deleted while in use; a rename shown wherever readers look.
 */
const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: {
    admin: { email: "admin@example.org", name: "Ada", role: "admin" },
    ed: { email: "ed@example.org", name: "Ed", role: "editor" },
  },
});

// The public pages' reads go through the app's one client; here that is this file's own database.
vi.mock("@/lib/db.server", () => ({
  get db() {
    return database.prisma;
  },
}));

type Values = Record<string, string>;

async function saved(token: string, values: Values): Promise<string> {
  const outcome = await checkedSaveRecord(database.prisma, token, values);
  if (outcome.status !== "saved") throw new Error(JSON.stringify(outcome));
  return outcome.recordId;
}

const edit = (recordType: string, id: string, version: number, values: Values) => ({
  recordType,
  id,
  version: String(version),
  changeKind: "fix",
  reason: "Named as readers know it",
  ...values,
});

const figure = (metricId: string, geographyId: string, overrides: Values = {}) => ({
  recordType: "figure",
  metricId,
  value: "3",
  unit: "items",
  qualifier: "exact",
  geographyId,
  agencyId: "",
  asOf: "2024-05",
  sourceId: "itv-2020-07-02",
  label: "Wallets seized (test)",
  quote: "three wallets were seized",
  note: "",
  reason: "",
  ...overrides,
});

/** What readers see after the change: caches are dropped on every save (lib/revalidate.server.ts). */
async function publicChoices() {
  forgetUntilChange();
  return (await fetchFigureTable({})).choices;
}

async function csvRows(): Promise<Record<string, string>[]> {
  const response = await figuresCsv(new Request("http://localhost:3000/api/figures.csv"));
  const [header, ...rows] = readCsv(await response.text()).map((record) => record.cells ?? []);
  return rows.map((cells) => Object.fromEntries(header!.map((name, index) => [name, cells[index] ?? ""])));
}

describe("an admin adds a metric and an area, and an editor uses them", () => {
  it("shows them in the figures table's filters, the CSV, the JSON and the data package", async () => {
    const metricId = await saved(editors.admin.token, {
      recordType: "metric",
      label: "Crypto wallets",
      kind: "seizure",
      units: "items",
      reason: "",
    });
    const areaId = await saved(editors.admin.token, { recordType: "geography", label: "Isle of Man", reason: "" });
    expect([metricId, areaId]).toEqual(["crypto-wallets", "isle-of-man"]);

    const figureId = await saved(editors.ed.token, figure(metricId, areaId));

    const choices = await publicChoices();
    expect(choices.metric).toContainEqual({ id: metricId, label: "Crypto wallets", kind: "seizure" });
    expect(choices.geography).toContainEqual({ id: areaId, label: "Isle of Man" });
    const row = (await csvRows()).find((one) => one.id === figureId);
    expect(row).toMatchObject({
      metric: metricId,
      metric_label: "Crypto wallets",
      area: areaId,
      area_label: "Isle of Man",
      kind: "seizure",
    });
    expect((await fetchRecordFacts()).metrics).toContainEqual({
      id: metricId,
      label: "Crypto wallets",
      reported: true,
    });

    const revisions = await database.prisma.revision.findMany({
      where: { recordId: { in: [metricId, areaId] } },
      select: { recordType: true, action: true, editorId: true },
    });
    expect(revisions).toEqual(
      expect.arrayContaining([
        { recordType: "metric", action: "create", editorId: editors.admin.id },
        { recordType: "geography", action: "create", editorId: editors.admin.id },
      ]),
    );
  });

  it("renames them everywhere, keeping their ids; the history holds the old name and a revert brings it back", async () => {
    await saved(
      editors.admin.token,
      edit("metric", "crypto-wallets", 1, { label: "Cryptocurrency wallets", kind: "seizure", units: "items" }),
    );
    await saved(editors.admin.token, edit("geography", "isle-of-man", 1, { label: "Isle of Man (Crown dependency)" }));

    const choices = await publicChoices();
    expect(choices.metric).toContainEqual({ id: "crypto-wallets", label: "Cryptocurrency wallets", kind: "seizure" });
    expect(choices.geography).toContainEqual({ id: "isle-of-man", label: "Isle of Man (Crown dependency)" });
    const exported = (await fetchFiguresForExport()).filter((one) => one.metric === "crypto-wallets");
    expect(exported.map((one) => [one.metricLabel, one.areaLabel])).toEqual([
      ["Cryptocurrency wallets", "Isle of Man (Crown dependency)"],
    ]);
    // The CSV says the new names beside the ids a reuser joined on, which stay.
    const rows = (await csvRows()).filter((one) => one.metric === "crypto-wallets");
    expect(rows.map((one) => [one.metric, one.metric_label, one.area, one.area_label])).toEqual([
      ["crypto-wallets", "Cryptocurrency wallets", "isle-of-man", "Isle of Man (Crown dependency)"],
    ]);

    const rename = await database.prisma.revision.findFirstOrThrow({
      where: { recordType: "metric", recordId: "crypto-wallets", action: "update" },
    });
    expect(JSON.parse(rename.before!)).toMatchObject({ label: "Crypto wallets" });
    const reverted = await checkedRevert(database.prisma, editors.admin.token, { revisionId: String(rename.id) });
    expect(reverted.status).toBe("reverted");
    expect((await publicChoices()).metric).toContainEqual({
      id: "crypto-wallets",
      label: "Crypto wallets",
      kind: "seizure",
    });
  });

  it("refuses to delete a metric or an area while a figure uses it, naming the figure; then deletes it once unused", async () => {
    const [used] = await database.prisma.figure.findMany({ where: { metricId: "crypto-wallets" } });
    const metric = await database.prisma.metric.findUniqueOrThrow({ where: { id: "crypto-wallets" } });
    const deleteMetric = () =>
      checkedDeleteRecord(database.prisma, editors.admin.token, {
        recordType: "metric",
        id: "crypto-wallets",
        version: String(metric.version),
        reason: "No longer needed",
      });
    const refused = await deleteMetric();
    expect(refused).toMatchObject({ status: "refused", message: expect.stringContaining(`(${used!.id})`) });
    const area = await checkedDeleteRecord(database.prisma, editors.admin.token, {
      recordType: "geography",
      id: "isle-of-man",
      version: "2",
      reason: "No longer needed",
    });
    expect(area).toMatchObject({ status: "refused", message: expect.stringContaining("still used by 1 figure") });

    const figureDeleted = await checkedDeleteRecord(database.prisma, editors.ed.token, {
      recordType: "figure",
      id: used!.id,
      version: "1",
      reason: "A test figure",
    });
    expect(figureDeleted.status).toBe("deleted");
    expect((await deleteMetric()).status).toBe("deleted");
    expect((await publicChoices()).metric.map((one) => one.id)).not.toContain("crypto-wallets");
  });

  it("refuses to delete a metric or an area a chart's selection names", async () => {
    await saved(editors.admin.token, { recordType: "geography", label: "Jersey", reason: "" });
    const chart = await database.prisma.chart.create({
      data: { slug: "jersey-test", title: "Jersey chart", type: "timeline", areas: "uk,jersey" },
    });
    const outcome = await checkedDeleteRecord(database.prisma, editors.admin.token, {
      recordType: "geography",
      id: "jersey",
      version: "1",
      reason: "No longer needed",
    });
    expect(outcome).toMatchObject({ status: "refused", message: expect.stringContaining("Jersey chart") });
    await database.prisma.chart.delete({ where: { id: chart.id } });
  });
});

describe("a metric's kind and units", () => {
  it("keeps every unit its figures are counted in, and says which figures", async () => {
    const cash = await database.prisma.metric.findUniqueOrThrow({ where: { id: "cash" } });
    const inGbp = await database.prisma.figure.count({ where: { metricId: "cash", unit: "GBP" } });
    expect(inGbp).toBeGreaterThan(0);
    const outcome = await checkedSaveRecord(
      database.prisma,
      editors.admin.token,
      edit("metric", "cash", cash.version, { label: cash.label, kind: cash.kind, units: "EUR" }),
    );
    expect(outcome).toMatchObject({
      status: "invalid",
      fieldErrors: { units: [expect.stringMatching(new RegExp(`^Keep GBP: ${inGbp} figures: `))] },
    });
    expect((await database.prisma.metric.findUniqueOrThrow({ where: { id: "cash" } })).units).toBe(cash.units);
  });

  it("takes only known units, at least one, and refuses a name another metric has", async () => {
    const cash = await database.prisma.metric.findUniqueOrThrow({ where: { id: "cash" } });
    const add = (values: Values) =>
      checkedSaveRecord(database.prisma, editors.admin.token, {
        recordType: "metric",
        kind: "other",
        reason: "",
        ...values,
      });
    expect(await add({ label: "Bitcoin", units: "BTC" })).toMatchObject({
      fieldErrors: { units: ["Choose units from the list."] },
    });
    expect(await add({ label: "Bitcoin" })).toMatchObject({ fieldErrors: { units: ["Choose at least one unit."] } });
    expect(await add({ label: ` ${cash.label.toUpperCase()} `, units: "GBP" })).toMatchObject({
      fieldErrors: { label: [expect.stringContaining(`(cash)`)] },
    });
  });

  it("answers any units field with a save or a message on the field, never an error", async () => {
    const before = await database.prisma.metric.count();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (units) => {
        const outcome = await checkedSaveRecord(database.prisma, editors.admin.token, {
          recordType: "metric",
          label: `Property ${randomUUID()}`,
          kind: "other",
          units,
          reason: "",
        });
        if (outcome.status === "saved") {
          const stored = await database.prisma.metric.findUniqueOrThrow({ where: { id: outcome.recordId } });
          expect(stored.units.split(",").length).toBeGreaterThan(0);
        } else {
          expect(outcome).toMatchObject({ status: "invalid", fieldErrors: { units: expect.any(Array) } });
        }
      }),
      { numRuns: 40 },
    );
    expect(await database.prisma.metric.count()).toBeGreaterThanOrEqual(before);
  });
});

describe("only an admin changes the vocabulary", () => {
  it("refuses an editor's add, rename, delete and revert of a metric, an area or an agency kind, and changes nothing", async () => {
    const counts = async () => ({
      metrics: await database.prisma.metric.count(),
      areas: await database.prisma.geography.count(),
      kinds: await database.prisma.agencyKind.count(),
      revisions: await database.prisma.revision.count(),
    });
    const before = await counts();
    const cash = await database.prisma.metric.findUniqueOrThrow({ where: { id: "cash" } });
    const seeded = await database.prisma.revision.findFirstOrThrow({
      where: { recordType: "metric", recordId: "cash" },
    });
    const attempts = [
      checkedSaveRecord(database.prisma, editors.ed.token, {
        recordType: "metric",
        label: "Boats",
        kind: "seizure",
        units: "items",
        reason: "",
      }),
      checkedSaveRecord(database.prisma, editors.ed.token, { recordType: "geography", label: "Guernsey", reason: "" }),
      checkedSaveRecord(database.prisma, editors.ed.token, {
        recordType: "agency-kind",
        label: "Customs",
        position: "",
        reason: "",
      }),
      checkedSaveRecord(
        database.prisma,
        editors.ed.token,
        edit("metric", "cash", cash.version, { label: "Money", kind: cash.kind, units: cash.units }),
      ),
      checkedDeleteRecord(database.prisma, editors.ed.token, {
        recordType: "agency-kind",
        id: "government",
        version: "1",
        reason: "r",
      }),
      checkedRevert(database.prisma, editors.ed.token, { revisionId: String(seeded.id) }),
    ];
    for (const outcome of await Promise.all(attempts)) {
      expect(outcome).toEqual({ status: "refused", message: ADMINS_ONLY_MESSAGE });
    }
    expect(await counts()).toEqual(before);
  });
});

describe("agency kinds", () => {
  it("are the seeded list, in its order, on the agencies page", async () => {
    const kinds = await database.prisma.agencyKind.findMany({ orderBy: { position: "asc" } });
    expect(kinds.map(({ id, label }) => ({ id, label }))).toEqual(SEEDED_AGENCY_KINDS);
    const groups = await fetchAgencyGroups();
    const order = SEEDED_AGENCY_KINDS.map((kind) => kind.id).filter((id) => groups.some((group) => group.kind === id));
    expect(groups.map((group) => group.kind)).toEqual(order);
  });

  it("can be added by an admin, given to an agency by an editor, renamed, and not deleted while given", async () => {
    const kindId = await saved(editors.admin.token, {
      recordType: "agency-kind",
      label: "Customs service",
      position: "",
      reason: "",
    });
    expect(kindId).toBe("customs-service");
    const agencyId = await saved(editors.ed.token, {
      recordType: "agency",
      name: "Border Force",
      shortName: "",
      kind: kindId,
      country: "GB",
      role: "Searches freight.",
      reason: "",
    });
    await saved(editors.admin.token, edit("agency-kind", kindId, 1, { label: "Customs and borders", position: "" }));

    const groups = await fetchAgencyGroups();
    expect(groups.at(-1)).toMatchObject({ kind: kindId, label: "Customs and borders" });
    expect(groups.at(-1)?.agencies.map((agency) => agency.id)).toEqual([agencyId]);

    const refused = await checkedDeleteRecord(database.prisma, editors.admin.token, {
      recordType: "agency-kind",
      id: kindId,
      version: "2",
      reason: "Not needed",
    });
    expect(refused).toMatchObject({ status: "refused", message: expect.stringContaining("still given to 1 agency") });
  });

  it("refuses an agency whose kind is not in the list", async () => {
    const outcome = await checkedSaveRecord(database.prisma, editors.ed.token, {
      recordType: "agency",
      name: "Nowhere",
      shortName: "",
      kind: "no-such-kind",
      country: "GB",
      role: "None.",
      reason: "",
    });
    expect(outcome).toMatchObject({
      status: "invalid",
      fieldErrors: { kind: ["Choose the kind of body from the list."] },
    });
  });
});

/** The migrations before the one that made agency kinds a table, then that one. */
const MIGRATIONS = (folder: string) =>
  readdirSync(folder)
    .filter((name) => /^\d{14}_/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(folder, name, "migration.sql"), "utf8") }));

describe("the migration that made agency kinds a table", () => {
  it("keeps every existing agency's kind, named as the fixed list named it", async () => {
    const onPostgres = TEST_PROVIDER === "postgresql";
    const migrations = MIGRATIONS(onPostgres ? "prisma/postgres/migrations" : "prisma/migrations");
    const at = migrations.findIndex((migration) => migration.name.endsWith("_vocabulary"));
    const run = await scratchDatabase(onPostgres);
    try {
      for (const migration of migrations.slice(0, at)) await run(migration.sql);
      await run(
        `INSERT INTO "Agency" ("id", "name", "kind", "country", "role", "updatedAt") VALUES ` +
          `('kent', 'Kent Police', 'police-force', 'GB', 'r', CURRENT_TIMESTAMP), ` +
          `('hmrc', 'HMRC', 'tax-authority', 'GB', 'r', CURRENT_TIMESTAMP)`,
      );
      await run(migrations[at]!.sql);
      const kinds = await run(`SELECT "id", "label", "position" FROM "AgencyKind" ORDER BY "id"`);
      expect(kinds).toEqual([
        { id: "police-force", label: "Police force", position: 3 },
        { id: "tax-authority", label: "tax-authority", position: null },
      ]);
    } finally {
      await run.close();
    }
  });
});

/** An empty database, outside the app's template: SQL run on it, and a way to remove it. */
async function scratchDatabase(onPostgres: boolean) {
  if (onPostgres) {
    const { server, prefix } = inject("postgres");
    const name = `${prefix}${randomUUID().replaceAll("-", "")}`;
    await onServer(server, `CREATE DATABASE "${name}"`);
    const url = postgresDatabaseUrl(server, name);
    return Object.assign((sql: string) => onServer(url, sql), {
      close: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
    });
  }
  const file = path.join(TEST_TMP, `migration-${randomUUID()}.db`);
  const sqlite = new Database(file);
  return Object.assign(
    async (sql: string) => {
      if (/^\s*SELECT/i.test(sql)) return sqlite.prepare(sql).all();
      sqlite.exec(sql);
      return [];
    },
    {
      close: async () => {
        sqlite.close();
        rmSync(file, { force: true });
      },
    },
  );
}
