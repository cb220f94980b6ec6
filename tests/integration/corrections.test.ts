import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { checkedImportFigures, checkedRevert, checkedSaveRecord } from "@/lib/admin/checked.server";
import { atomFeed, entryId } from "@/lib/corrections/atom";
import { parseCorrectionsQuery } from "@/lib/corrections/query";
import { publicChange, type PublicChange } from "@/lib/corrections/public-history";
import { figureHistory, listCorrections, listNewFigures, figureCorrectedAt } from "@/lib/corrections/read.server";
import { figureRecord } from "@/lib/records/figure";
import { atomSchemaErrors } from "../support/atom-schema";
import { databaseWithEditors } from "../support/signed-in";

// Distinctive, so that a public text naming an editor would be caught.
const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: { ed: { email: "zebulon.quartermaine@example.org", name: "Zebulon Quartermaine", role: "editor" } },
});

const EVERYONE = { figure: null, chart: null, from: null, to: null };

/** A seeded figure counted in people, as its edit form shows it. */
async function arrestsFigure() {
  const stored = await database.prisma.figure.findFirstOrThrow({ where: { unit: "people" }, orderBy: { id: "asc" } });
  return { stored, form: figureRecord.toFormValues(stored) };
}

async function edit(id: string, values: Record<string, string>) {
  const stored = await database.prisma.figure.findUniqueOrThrow({ where: { id } });
  return checkedSaveRecord(database.prisma, editors.ed.token, {
    ...figureRecord.toFormValues(stored),
    recordType: "figure",
    id,
    version: String(stored.version),
    ...values,
  });
}

const latestRevision = () => database.prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } });

function noEditorIn(text: string) {
  expect(text).not.toMatch(/Zebulon|Quartermaine|zebulon\.quartermaine/i);
}

describe("kinds of change", () => {
  it("an edit must say what kind of change it is, and nothing is stored until it does", async () => {
    const { stored } = await arrestsFigure();
    const before = await database.prisma.revision.count();
    const outcome = await edit(stored.id, { value: "1", reason: "No kind" });
    expect(outcome.status).toBe("invalid");
    expect(outcome.status === "invalid" && outcome.fieldErrors.changeKind).toEqual([
      "Say whether this is a correction, an update or a fix.",
    ]);
    expect(await edit(stored.id, { value: "1", reason: "Odd kind", changeKind: "rumour" })).toMatchObject({
      status: "invalid",
    });
    expect(await database.prisma.revision.count()).toBe(before);
  });

  it("stores the kind the editor chose; new records, imports and seeds are updates", async () => {
    const seeded = await database.prisma.revision.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect(seeded.kind).toBe("update");
    const { stored } = await arrestsFigure();
    expect(await edit(stored.id, { note: "A typo mended", reason: "Typo", changeKind: "fix" })).toMatchObject({
      status: "saved",
    });
    expect((await latestRevision()).kind).toBe("fix");

    const csv = [
      "metricId,value,unit,qualifier,geographyId,asOf,sourceId,label,quote",
      `arrested,12,people,exact,uk,2024-05,${stored.sourceId},Imported arrests,12 people were arrested`,
    ].join("\n");
    expect(await checkedImportFigures(database.prisma, editors.ed.token, { csv, reason: "" })).toMatchObject({
      status: "imported",
    });
    expect((await latestRevision()).kind).toBe("update");
  });

  it("a revert is a correction unless it undoes a fix, and the editor may say otherwise", async () => {
    const { stored } = await arrestsFigure();
    await edit(stored.id, { label: `${stored.label} (checked)`, reason: "Wording", changeKind: "fix" });
    const fix = await latestRevision();
    expect(await checkedRevert(database.prisma, editors.ed.token, { revisionId: String(fix.id) })).toMatchObject({
      status: "reverted",
    });
    expect((await latestRevision()).kind).toBe("fix");

    await edit(stored.id, { value: "999999", reason: "Wrong row", changeKind: "update" });
    const update = await latestRevision();
    await checkedRevert(database.prisma, editors.ed.token, { revisionId: String(update.id) });
    expect((await latestRevision()).kind).toBe("correction");

    await edit(stored.id, { quote: `${stored.quote} `.trim() + ".", reason: "Quote", changeKind: "correction" });
    const quote = await latestRevision();
    await checkedRevert(database.prisma, editors.ed.token, { revisionId: String(quote.id), changeKind: "fix" });
    expect((await latestRevision()).kind).toBe("fix");
  });
});

describe("public history", () => {
  it("shows a correction before → after as readers read it, with the reason, and never the editor", async () => {
    const { stored } = await arrestsFigure();
    await edit(stored.id, { value: "2,800", qualifier: "exact", reason: "Setting up", changeKind: "update" });
    await edit(stored.id, { value: "2,864", reason: "The NCA's release says 2,864", changeKind: "correction" });
    const history = await figureHistory(database.prisma, stored.id);
    const [latest] = history;
    expect(latest).toMatchObject({ kind: "correction", action: "update", reason: "The NCA's release says 2,864" });
    expect(latest?.changes).toContainEqual({ what: "Value", before: "2,800", after: "2,864" });
    expect(history.every((change) => change.kind !== ("fix" as string))).toBe(true);
    noEditorIn(JSON.stringify(history));

    const corrections = await listCorrections(database.prisma, EVERYONE, null);
    expect(corrections[0]).toMatchObject({ recordId: stored.id, kind: "correction" });
    expect(corrections.every((change) => change.kind === "correction")).toBe(true);
    noEditorIn(JSON.stringify(corrections));

    const at = await figureCorrectedAt(database.prisma, stored.id, new Date(), 30);
    expect(at).not.toBeNull();
    expect(await figureCorrectedAt(database.prisma, stored.id, new Date(Date.now() + 31 * 86_400_000), 30)).toBeNull();
    expect(await figureCorrectedAt(database.prisma, stored.id, new Date(), 0)).toBeNull();
  });

  it("filters corrections by figure and by day", async () => {
    const { stored } = await arrestsFigure();
    const other = await database.prisma.figure.findFirstOrThrow({ where: { id: { not: stored.id }, unit: "people" } });
    await edit(other.id, { value: "7", reason: "Another correction", changeKind: "correction" });
    const forFigure = await listCorrections(database.prisma, { ...EVERYONE, figure: stored.id }, null);
    expect(forFigure.length).toBeGreaterThan(0);
    expect(forFigure.every((change) => change.recordId === stored.id)).toBe(true);
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    expect(
      (await listCorrections(database.prisma, { ...EVERYONE, from: today, to: today }, null)).length,
    ).toBeGreaterThan(1);
    const longAgo = new Date("2021-01-01T00:00:00Z");
    expect(await listCorrections(database.prisma, { ...EVERYONE, from: longAgo, to: longAgo }, null)).toEqual([]);
  });

  it("lists newly reported figures, newest first", async () => {
    const newest = await listNewFigures(database.prisma);
    expect(newest[0]).toMatchObject({ action: "create", kind: "update", title: "Imported arrests" });
    expect(newest[0]?.reported).toMatch(/^12, as of May 2024$/);
  });
});

describe("the corrections page's query", () => {
  it("names each bad value and shows everything instead", () => {
    const parsed = parseCorrectionsQuery({
      figure: "<script>",
      from: "2026-02-31",
      to: "yesterday",
      chart: ["a", "b"],
    });
    expect(parsed.query).toEqual(EVERYONE);
    expect(parsed.problems).toHaveLength(3);
    const swapped = parseCorrectionsQuery({ from: "2026-12-03", to: "2026-01-01" });
    expect(swapped.query.from?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(swapped.problems).toEqual(["The first date is after the last: they are swapped."]);
  });
});

const ATOM = "http://www.w3.org/2005/Atom";
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The feed read by an XML parser, with what RFC 4287 requires checked, including what its grammar
 * cannot say (an author, each entry's content or alternate link): `validAtom` adds the grammar.
 */
function readAtom(xml: string) {
  const document = new new JSDOM("").window.DOMParser().parseFromString(xml, "application/xml");
  expect(document.getElementsByTagName("parsererror")).toHaveLength(0);
  const feed = document.documentElement;
  expect(feed.namespaceURI).toBe(ATOM);
  expect(feed.localName).toBe("feed");
  const children = (element: Element, name: string) =>
    [...element.children].filter((child) => child.namespaceURI === ATOM && child.localName === name);
  for (const required of ["id", "title", "updated", "author"]) expect(children(feed, required)).toHaveLength(1);
  expect(children(feed, "updated")[0]?.textContent).toMatch(RFC3339);
  expect(children(feed, "author")[0]?.getElementsByTagNameNS(ATOM, "name")).toHaveLength(1);
  expect(children(feed, "link").some((link) => link.getAttribute("rel") === "self")).toBe(true);
  const entries = children(feed, "entry").map((entry) => {
    for (const required of ["id", "title", "updated"]) expect(children(entry, required)).toHaveLength(1);
    expect(children(entry, "updated")[0]?.textContent).toMatch(RFC3339);
    expect(children(entry, "id")[0]?.textContent).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
    // An entry without content must link to its alternate.
    expect(
      children(entry, "content").length > 0 ||
        children(entry, "link").some((link) => link.getAttribute("rel") === "alternate"),
    ).toBe(true);
    return {
      id: children(entry, "id")[0]!.textContent!,
      title: children(entry, "title")[0]!.textContent!,
      content: children(entry, "content")[0]?.textContent ?? "",
    };
  });
  return { entries, text: xml };
}

/** The feed checked against RFC 4287's RELAX NG grammar (xmllint), then read. */
function validAtom(xml: string) {
  expect(atomSchemaErrors(xml)).toEqual([]);
  return readAtom(xml);
}

describe("the Atom feeds", () => {
  it("are valid Atom 1.0 with the site as author, and their entries keep their ids", async () => {
    const site = "https://venetic.example.org";
    const first = validAtom(atomFeed("corrections", site, await listCorrections(database.prisma, EVERYONE, null)));
    const second = validAtom(atomFeed("corrections", site, await listCorrections(database.prisma, EVERYONE, null)));
    expect(first.entries.length).toBeGreaterThan(0);
    expect(second.entries.map((entry) => entry.id)).toEqual(first.entries.map((entry) => entry.id));
    expect(first.entries[0]?.id).toMatch(/^tag:venetic\.example\.org,2020:revision:\d+$/);
    noEditorIn(first.text);
    expect(validAtom(atomFeed("corrections", site, [])).entries).toEqual([]);
    expect(validAtom(atomFeed("new-figures", site, [])).entries).toEqual([]);
    const newFigures = validAtom(atomFeed("new-figures", site, await listNewFigures(database.prisma)));
    expect(newFigures.entries.length).toBeGreaterThan(0);
    noEditorIn(newFigures.text);
  });

  it("say they hold the newest 100 at most, and link to the older ones", async () => {
    const site = "https://venetic.example.org";
    const changes = await listCorrections(database.prisma, EVERYONE, null);
    const feed = validAtom(atomFeed("corrections", site, changes)).text;
    expect(feed).toContain(`The newest 100 at most; older ones at ${site}/corrections.`);
    const oldestDay = changes.at(-1)!.at.slice(0, 10);
    expect(feed).toContain(
      `<link rel="related" type="text/html" title="Older corrections, by date" href="${site}/corrections?to=${oldestDay}"/>`,
    );
    expect(validAtom(atomFeed("new-figures", site, await listNewFigures(database.prisma))).text).toContain(
      `href="${site}/figures"`,
    );
  });

  it("are held to a schema that refuses a broken feed", async () => {
    const valid = atomFeed(
      "corrections",
      "https://venetic.example.org",
      await listCorrections(database.prisma, EVERYONE, null),
    );
    expect(atomSchemaErrors(valid)).toEqual([]);
    const broken = {
      "a feed without its id": valid.replace(/\n {2}<id>[^<]*<\/id>/, ""),
      "an entry without its updated": valid.replace(/\n {4}<updated>[^<]*<\/updated>/, ""),
      "a date that is not RFC 3339": valid.replace(/<updated>[^<]*<\/updated>/, "<updated>3 December 2026</updated>"),
      "an element Atom does not define": valid.replace("</title>", "</title><corrected/>"),
      "a link without its address": valid.replace(/ href="[^"]*"/, ""),
    };
    for (const [what, xml] of Object.entries(broken)) {
      expect(xml, what).not.toBe(valid);
      expect(atomSchemaErrors(xml), what).not.toEqual([]);
    }
  });

  it("carry any title and reason as the same words, escaped", () => {
    const words = fc.string({ unit: "grapheme", maxLength: 60 }).map((text) => text.replace(/[\uFFFE\uFFFF]/g, ""));
    const xmlChars = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "\uFFFD");
    const told: PublicChange[] = [];
    fc.assert(
      fc.property(
        fc.oneof(words, fc.constantFrom("</title><script>alert(1)</script>", "]]><!--", "&amp; \"' <x/>")),
        words,
        (title, reason) => {
          const change: PublicChange = {
            revisionId: 42 + told.length,
            at: "2026-12-03T10:00:00.000Z",
            dateDisplay: "3 December 2026",
            kind: "correction",
            action: "update",
            recordType: "figure",
            recordId: "a-figure",
            title,
            reported: null,
            changes: [{ what: "Value", before: "2,800", after: "2,864" }],
            reason,
          };
          const [entry] = readAtom(atomFeed("corrections", "http://localhost:3000", [change])).entries;
          expect(entry?.id).toBe(entryId("http://localhost:3000", change.revisionId));
          expect(entry?.title).toBe(`Corrected: ${xmlChars(title)}: 2,800 → 2,864`);
          if (reason) expect(entry?.content).toContain(`Reason: ${xmlChars(reason)}`);
          told.push(change);
        },
      ),
      { numRuns: 200 },
    );
    // Every generated title and reason, in one feed, is still valid Atom: one run of xmllint, not 200.
    expect(validAtom(atomFeed("corrections", "http://localhost:3000", told)).entries).toHaveLength(told.length);
  });

  it("tell no fix, and no change from before kinds were asked", () => {
    const row = {
      id: 1,
      createdAt: new Date(),
      recordType: "figure",
      recordId: "x",
      action: "update",
      before: '{"label":"a"}',
      after: '{"label":"b"}',
      reason: "r",
    };
    const names = { areas: new Map(), sources: new Map() };
    expect(publicChange({ ...row, kind: "fix" }, names)).toBeNull();
    expect(publicChange({ ...row, kind: null }, names)).toBeNull();
    expect(publicChange({ ...row, kind: "correction" }, names)?.changes).toEqual([
      { what: "Label", before: "a", after: "b" },
    ]);
  });
});
