import { describe, expect, it } from "vitest";
import { checkedDeleteRecord, checkedSaveRecord } from "@/lib/admin/checked.server";
import { figureAsRecorded } from "@/lib/figures/at-revision";
import { figureForm } from "../support/figure-form";
import { databaseWithEditors } from "../support/signed-in";

const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: { ed: { email: "ed@example.org", name: "Ed", role: "editor" } },
});

const ARRESTED = "nca-2022-06-09-arrested";

const latestRevision = async () =>
  (await database.prisma.revision.findFirstOrThrow({ select: { id: true }, orderBy: { id: "desc" } })).id;

const editedFigure = (id: string, changes: Record<string, string>) => figureForm(database.prisma, id, changes);

describe("a figure as its card shows it, live or pinned to a revision", () => {
  it("shows the stored figure live, and the value it had at a revision after an edit", async () => {
    const live = await figureAsRecorded(database.prisma, ARRESTED, null);
    expect(live).toMatchObject({ ok: true, figure: { id: ARRESTED, display: "2,864", asOfDisplay: "8 June 2022" } });
    const before = await latestRevision();

    const saved = await checkedSaveRecord(
      database.prisma,
      editors.ed.token,
      await editedFigure(ARRESTED, { value: "2900", qualifier: "more-than" }),
    );
    expect(saved.status).toBe("saved");

    expect(await figureAsRecorded(database.prisma, ARRESTED, null)).toMatchObject({
      ok: true,
      figure: { display: "over 2,900" },
    });
    expect(await figureAsRecorded(database.prisma, ARRESTED, before)).toMatchObject({
      ok: true,
      figure: {
        display: "2,864",
        label: live.ok ? live.figure.label : "",
        source: { publisher: "National Crime Agency" },
      },
    });
    expect(await figureAsRecorded(database.prisma, ARRESTED, await latestRevision())).toMatchObject({
      ok: true,
      figure: { display: "over 2,900" },
    });
  });

  it("has no figure for an unknown id, a revision not yet written, or a revision before the figure existed", async () => {
    expect(await figureAsRecorded(database.prisma, "no-such-figure", null)).toEqual({
      ok: false,
      message: "There is no figure at this address.",
    });
    const latest = await latestRevision();
    expect(await figureAsRecorded(database.prisma, ARRESTED, latest + 1)).toEqual({
      ok: false,
      message: `There is no revision ${latest + 1} of the record yet, so no figure can be pinned to it.`,
    });
    const seededFirst = await database.prisma.revision.findFirstOrThrow({ orderBy: { id: "asc" } });
    const created = await checkedSaveRecord(database.prisma, editors.ed.token, {
      ...(await editedFigure(ARRESTED, { label: "A figure added later", value: "5", reason: "" })),
      id: undefined,
      version: undefined,
    });
    if (created.status !== "saved") throw new Error(JSON.stringify(created));
    expect(await figureAsRecorded(database.prisma, created.recordId, seededFirst.id)).toEqual({
      ok: false,
      message: `There was no figure at this address at revision ${seededFirst.id}.`,
    });
  });

  it("keeps a deleted figure on the cards pinned before its deletion, and on no other", async () => {
    const id = "itv-2020-07-02-arrested";
    const before = await latestRevision();
    const figure = await database.prisma.figure.findUniqueOrThrow({ where: { id } });
    const deleted = await checkedDeleteRecord(database.prisma, editors.ed.token, {
      recordType: "figure",
      id,
      version: String(figure.version),
      changeKind: "correction",
      reason: "Test",
    });
    expect(deleted.status).toBe("deleted");
    expect(await figureAsRecorded(database.prisma, id, before)).toMatchObject({ ok: true, figure: { id } });
    expect((await figureAsRecorded(database.prisma, id, await latestRevision())).ok).toBe(false);
    expect((await figureAsRecorded(database.prisma, id, null)).ok).toBe(false);
  });
});
