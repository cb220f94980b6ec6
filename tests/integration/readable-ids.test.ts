import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkedDeleteRecord, checkedSaveRecord } from "@/lib/admin/checked.server";
import { slugOf } from "@/lib/records/readable-id";
import { databaseWithEditors } from "../support/signed-in";

const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: { ed: { email: "ed@example.org", name: "Ed", role: "editor" } },
});

const FIGURE = {
  recordType: "figure",
  metricId: "convicted",
  value: "12",
  unit: "people",
  qualifier: "exact",
  geographyId: "uk",
  agencyId: "",
  asOf: "2024-03",
  sourceId: "itv-2020-07-02",
  label: "People convicted (test)",
  quote: "12 people were convicted",
  note: "",
  reason: "",
};

async function save(values: Record<string, string>): Promise<string> {
  const outcome = await checkedSaveRecord(database.prisma, editors.ed.token, values);
  if (outcome.status !== "saved") throw new Error(JSON.stringify(outcome));
  return outcome.recordId;
}

describe("new records get ids in the dataset's words, never one a record has had", () => {
  it("names a figure by its source and metric, then its area, then a number", async () => {
    expect(await save(FIGURE)).toBe("itv-2020-07-02-convicted");
    expect(await save({ ...FIGURE, geographyId: "scotland" })).toBe("itv-2020-07-02-convicted-scotland");
    expect(await save({ ...FIGURE, value: "13" })).toBe("itv-2020-07-02-convicted-uk");
    expect(await save({ ...FIGURE, value: "14" })).toBe("itv-2020-07-02-convicted-2");
  });

  it("does not give a deleted figure's id to another: pinned embeds and citations still name it", async () => {
    const values = { ...FIGURE, metricId: "charged", label: "People charged (test)" };
    const first = await save(values);
    expect(first).toBe("itv-2020-07-02-charged");
    const deleted = await checkedDeleteRecord(database.prisma, editors.ed.token, {
      recordType: "figure",
      id: first,
      version: "1",
      changeKind: "correction",
      reason: "entered twice",
    });
    expect(deleted.status).toBe("deleted");
    expect(await save(values)).toBe("itv-2020-07-02-charged-uk");
    expect(await save(values)).toBe("itv-2020-07-02-charged-2");
  });

  it("names a source by its publisher and date, in plain ASCII whatever the publisher's name", async () => {
    const source = {
      recordType: "source",
      publisher: "Le Monde Diplomatique: “Édition” <b>spéciale</b>",
      title: "",
      url: "https://example.org/story",
      publishedOn: "2024-03-01",
      dateNote: "",
      kind: "press",
      copy: "original",
      copyOf: "",
      note: "",
      reason: "",
    };
    expect(await save(source)).toBe("le-monde-diplomatique-edition-b-speciale-b-2024-03-01");
    expect(await save({ ...source, publishedOn: "" })).toBe("le-monde-diplomatique-edition-b-speciale-b");
  });

  it("makes a slug of any text: letters, digits and single hyphens, at most 80 characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const slug = slugOf(text);
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(slug.length).toBeLessThanOrEqual(80);
      }),
    );
  });
});
