import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  checkedApproveChange,
  checkedCancelChange,
  checkedMoveChange,
  checkedRejectChange,
  checkedSaveRecord,
  checkedSaveRelease,
  checkedDeleteRecord,
  checkedImportFigures,
  checkedPublishChart,
  checkedRevert,
} from "@/lib/admin/checked.server";
import { fetchChart } from "@/lib/data/charts.server";
import { forgetUntilChange } from "@/lib/data/until-change.server";
import { createPrismaClient } from "@/lib/db/client.server";
import { fetchFiguresForExport } from "@/lib/figures/read.server";
import { OWN_APPROVAL_MESSAGE, publishDue, publishHeld } from "@/lib/review/pending";
import { instantOf, scheduleSchema } from "@/lib/review/schedule";
import { figureForm } from "../support/figure-form";
import { TEST_PROVIDER } from "../support/database";
import { databaseWithEditors } from "../support/signed-in";

const setting = vi.hoisted(() => ({ review: false }));
vi.mock("@/lib/review/setting.server", () => ({ reviewBeforePublishing: () => setting.review }));

const { database, editors } = databaseWithEditors({
  seeded: true,
  editors: {
    author: { email: "author@example.org", name: "Author", role: "editor" },
    reviewer: { email: "reviewer@example.org", name: "Reviewer", role: "editor" },
  },
});

// The public reads go through the app's one client; here that is this file's own database.
vi.mock("@/lib/db.server", () => ({
  get db() {
    return database.prisma;
  },
}));

const FIGURE = "itv-2020-07-02-cash";

afterEach(() => {
  setting.review = false;
});

const storedValue = async (id = FIGURE) =>
  (await database.prisma.figure.findUniqueOrThrow({ where: { id }, select: { valueMinor: true } })).valueMinor;
const revisionCount = () => database.prisma.revision.count();

/** A time `seconds` from now, as the form's field sends it (in UTC: offset 0). */
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19);

/** The figures' ids as the public JSON and CSV read them (kept until a change: forgotten first). */
async function publicFigureIds(): Promise<string[]> {
  forgetUntilChange();
  return (await fetchFiguresForExport()).map((figure) => figure.id);
}

async function held(outcome: { status: string }) {
  if (outcome.status !== "held") throw new Error(`Expected a held change: ${JSON.stringify(outcome)}`);
  return outcome as { status: "held"; pendingId: number; message: string };
}

describe("review before publishing", () => {
  it("off (the default): a save is public at once, as before", async () => {
    const before = await storedValue();
    const outcome = await checkedSaveRecord(
      database.prisma,
      editors.author.token,
      await figureForm(database.prisma, FIGURE, { value: "54000001" }),
    );
    expect(outcome.status).toBe("saved");
    expect(await storedValue()).not.toBe(before);
  });

  it("on: an edit is a draft that changes nothing public, until another editor approves it", async () => {
    setting.review = true;
    const before = await storedValue();
    const revisions = await revisionCount();
    const draft = await held(
      await checkedSaveRecord(
        database.prisma,
        editors.author.token,
        await figureForm(database.prisma, FIGURE, { value: "54000002" }),
      ),
    );
    expect(draft.message).toMatch(/Submitted for review/);
    expect(await storedValue()).toBe(before);
    expect(await revisionCount()).toBe(revisions);

    const own = await checkedApproveChange(database.prisma, editors.author.token, { id: String(draft.pendingId) });
    expect(own).toEqual({ status: "refused", message: OWN_APPROVAL_MESSAGE });
    expect(await storedValue()).toBe(before);

    const approved = await checkedApproveChange(database.prisma, editors.reviewer.token, {
      id: String(draft.pendingId),
    });
    expect(approved.status).toBe("done");
    expect(await storedValue()).toBe(5400000200n);
    const revision = await database.prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } });
    // Recorded as the author's change, with their reason and kind; the approval is on the held change.
    expect(revision).toMatchObject({ recordId: FIGURE, editorId: editors.author.id, kind: "correction" });
    const pending = await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: draft.pendingId } });
    expect(pending).toMatchObject({ status: "published", reviewerId: editors.reviewer.id });

    const again = await checkedApproveChange(database.prisma, editors.reviewer.token, { id: String(draft.pendingId) });
    expect(again).toMatchObject({ status: "refused", message: expect.stringMatching(/no longer waiting/) });
  });

  it("on: a draft that fails the form's rules is refused as a save would be, and nothing is held", async () => {
    setting.review = true;
    const drafts = await database.prisma.pendingChange.count();
    const outcome = await checkedSaveRecord(
      database.prisma,
      editors.author.token,
      await figureForm(database.prisma, FIGURE, { value: "a lot", reason: "" }),
    );
    expect(outcome.status).toBe("invalid");
    expect(await database.prisma.pendingChange.count()).toBe(drafts);
  });

  it("on: a rejection needs a reason, and the draft never goes public", async () => {
    setting.review = true;
    const before = await storedValue();
    const draft = await held(
      await checkedSaveRecord(
        database.prisma,
        editors.author.token,
        await figureForm(database.prisma, FIGURE, { value: "1" }),
      ),
    );
    const id = String(draft.pendingId);
    const noReason = await checkedRejectChange(database.prisma, editors.reviewer.token, { id, rejectionReason: " " });
    expect(noReason).toMatchObject({ status: "invalid", fieldErrors: { rejectionReason: [expect.any(String)] } });
    const rejected = await checkedRejectChange(database.prisma, editors.reviewer.token, {
      id,
      rejectionReason: "The release says £54 million, not £1.",
    });
    expect(rejected.status).toBe("done");
    expect(await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: draft.pendingId } })).toMatchObject({
      status: "rejected",
      rejectionReason: "The release says £54 million, not £1.",
    });
    expect((await checkedApproveChange(database.prisma, editors.reviewer.token, { id })).status).toBe("refused");
    expect(await storedValue()).toBe(before);
  });

  it("on: a new record and a delete are drafts too", async () => {
    setting.review = true;
    const figures = await database.prisma.figure.count();
    const form = await figureForm(database.prisma, FIGURE, { label: "Cash, a second report" });
    const created = Object.fromEntries(
      Object.entries(form).filter(([name]) => !["id", "version", "changeKind"].includes(name)),
    );
    const draft = await held(await checkedSaveRecord(database.prisma, editors.author.token, created));
    expect(await database.prisma.figure.count()).toBe(figures);
    const remove = await held(
      await checkedDeleteRecord(database.prisma, editors.author.token, {
        recordType: "ruling",
        id: (await database.prisma.ruling.findFirstOrThrow({ select: { id: true } })).id,
        version: "1",
        reason: "Withdrawn",
      }),
    );
    expect(await database.prisma.figure.count()).toBe(figures);
    expect(
      (await checkedApproveChange(database.prisma, editors.reviewer.token, { id: String(draft.pendingId) })).status,
    ).toBe("done");
    expect(await database.prisma.figure.count()).toBe(figures + 1);
    // The author withdraws the other; another editor could not have.
    expect(
      (await checkedCancelChange(database.prisma, editors.reviewer.token, { id: String(remove.pendingId) })).status,
    ).toBe("refused");
    expect(
      (await checkedCancelChange(database.prisma, editors.author.token, { id: String(remove.pendingId) })).status,
    ).toBe("done");
  });

  it("publishing refuses a draft whose record moved since, and keeps the other edit", async () => {
    setting.review = true;
    const draft = await held(
      await checkedSaveRecord(
        database.prisma,
        editors.author.token,
        await figureForm(database.prisma, FIGURE, { value: "54000003" }),
      ),
    );
    setting.review = false;
    const meanwhile = await checkedSaveRecord(
      database.prisma,
      editors.reviewer.token,
      await figureForm(database.prisma, FIGURE, { value: "54000004" }),
    );
    expect(meanwhile.status).toBe("saved");
    const approved = await checkedApproveChange(database.prisma, editors.reviewer.token, {
      id: String(draft.pendingId),
    });
    expect(approved).toMatchObject({
      status: "refused",
      message: expect.stringMatching(/changed since this change was made .*nothing was overwritten/),
    });
    expect(await storedValue()).toBe(5400000400n);
    expect((await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: draft.pendingId } })).status).toBe(
      "draft",
    );
  });
});

describe("review before publishing: imports, reverts and a chart's publishing are held too", () => {
  const importCsv = (label: string) =>
    [
      "metricId,value,unit,qualifier,geographyId,agencyId,asOf,sourceId,label,quote,note",
      `arrested,17,people,exact,uk,,2024-05,itv-2020-07-02,${label},seventeen people,`,
    ].join("\r\n");

  const approve = (token: string, pendingId: number) =>
    checkedApproveChange(database.prisma, token, { id: String(pendingId) });

  it("a CSV import is a draft: no figure is public until another editor approves it, then all are", async () => {
    setting.review = true;
    const before = await publicFigureIds();
    const revisions = await revisionCount();
    const draft = await held(
      await checkedImportFigures(database.prisma, editors.author.token, {
        csv: importCsv("Held import"),
        reason: "May figures",
      }),
    );
    expect(await publicFigureIds()).toEqual(before);
    expect(await revisionCount()).toBe(revisions);
    const pending = await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: draft.pendingId } });
    expect(pending).toMatchObject({ scope: "import", summary: "CSV import of 1 figure", reason: "May figures" });

    expect(await approve(editors.author.token, draft.pendingId)).toEqual({
      status: "refused",
      message: OWN_APPROVAL_MESSAGE,
    });
    expect(await publicFigureIds()).toEqual(before);

    expect((await approve(editors.reviewer.token, draft.pendingId)).status).toBe("done");
    const after = await publicFigureIds();
    expect(after).toHaveLength(before.length + 1);
    const added = after.find((id) => !before.includes(id))!;
    const revision = await database.prisma.revision.findFirstOrThrow({ where: { recordId: added } });
    expect(revision).toMatchObject({ editorId: editors.author.id, reason: "CSV import of 1 figure: May figures" });
  });

  it("an import with no row that can go in is refused as it would be unheld, and nothing is held", async () => {
    setting.review = true;
    const drafts = await database.prisma.pendingChange.count();
    const outcome = await checkedImportFigures(database.prisma, editors.author.token, {
      csv: importCsv("Bad").replace("17", "-17"),
    });
    expect(outcome).toMatchObject({ status: "refused", rows: [expect.objectContaining({ line: 2 })] });
    expect(await database.prisma.pendingChange.count()).toBe(drafts);
  });

  /** The reviewer's edit of the figure, public at once (review off): the change a revert undoes. */
  async function editedByReviewer(value: string) {
    const saved = await checkedSaveRecord(
      database.prisma,
      editors.reviewer.token,
      await figureForm(database.prisma, FIGURE, { value }),
    );
    expect(saved.status).toBe("saved");
    return database.prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } });
  }

  it("a revert is a draft: the record keeps its values until another editor approves the revert", async () => {
    const edit = await editedByReviewer("54000010");
    const previous = JSON.parse(edit.before!) as { valueMinor: string };

    setting.review = true;
    const draft = await held(
      await checkedRevert(database.prisma, editors.author.token, {
        revisionId: String(edit.id),
        reason: "The release said £54 million",
      }),
    );
    expect(await storedValue()).toBe(5400001000n);
    expect(await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: draft.pendingId } })).toMatchObject({
      scope: "revert",
      summary: `Revert of change #${edit.id} (figure ${FIGURE})`,
      changeKind: null,
      reason: "The release said £54 million",
    });
    expect((await approve(editors.author.token, draft.pendingId)).status).toBe("refused");
    expect(await storedValue()).toBe(5400001000n);
    expect((await approve(editors.reviewer.token, draft.pendingId)).status).toBe("done");
    expect(String(await storedValue())).toBe(String(previous.valueMinor));
    const revert = await database.prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(revert).toMatchObject({ revertsId: edit.id, editorId: editors.author.id, kind: "correction" });
  });

  it("a held revert is refused at approval when the record moved since, and nothing is overwritten", async () => {
    const edit = await editedByReviewer("54000011");
    setting.review = true;
    const draft = await held(
      await checkedRevert(database.prisma, editors.author.token, { revisionId: String(edit.id) }),
    );
    setting.review = false;
    await editedByReviewer("54000012");
    expect(await approve(editors.reviewer.token, draft.pendingId)).toMatchObject({
      status: "refused",
      message: expect.stringMatching(/changed since change #/),
    });
    expect(await storedValue()).toBe(5400001200n);
  });

  it("a chart's unpublishing is a draft: readers keep the chart until another editor approves it", async () => {
    const chart = await database.prisma.chart.findFirstOrThrow({ where: { published: true } });
    setting.review = true;
    const draft = await held(
      await checkedPublishChart(database.prisma, editors.author.token, {
        id: chart.id,
        version: String(chart.version),
        published: "false",
      }),
    );
    expect(await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: draft.pendingId } })).toMatchObject({
      summary: `Unpublishing of chart ${chart.id}`,
      recordType: "chart",
    });
    expect(await fetchChart(chart.slug)).not.toBeNull();
    expect((await approve(editors.author.token, draft.pendingId)).status).toBe("refused");
    expect(await fetchChart(chart.slug)).not.toBeNull();
    expect((await approve(editors.reviewer.token, draft.pendingId)).status).toBe("done");
    expect(await fetchChart(chart.slug)).toBeNull();

    // Published again, at a time, with review off: still a chart, from then.
    setting.review = false;
    const stored = await database.prisma.chart.findUniqueOrThrow({ where: { id: chart.id } });
    const scheduled = await held(
      await checkedPublishChart(database.prisma, editors.author.token, {
        id: chart.id,
        version: String(stored.version),
        published: "true",
        publishAt: inSeconds(30),
      }),
    );
    const { publishAt } = await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: scheduled.pendingId } });
    expect(await publishDue(database.prisma, new Date(publishAt!.getTime() - 1))).toBe(0);
    expect(await fetchChart(chart.slug)).toBeNull();
    expect(await publishDue(database.prisma, publishAt!)).toBe(1);
    expect(await fetchChart(chart.slug)).not.toBeNull();
  });
});

describe("the time asked of an import, a revert and a chart's publishing", () => {
  it("any text is a time to come (held) or a message on its field: never an error, never public at once", async () => {
    const revision = await database.prisma.revision.findFirstOrThrow({
      where: { recordType: "figure", action: "create" },
      orderBy: { id: "asc" },
    });
    const chart = await database.prisma.chart.findFirstOrThrow();
    const revisions = await revisionCount();
    const forms = [
      (when: Record<string, string>) =>
        checkedRevert(database.prisma, editors.author.token, { revisionId: String(revision.id), ...when }),
      (when: Record<string, string>) =>
        checkedPublishChart(database.prisma, editors.author.token, {
          id: chart.id,
          version: String(chart.version),
          published: String(!chart.published),
          ...when,
        }),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 60 }).filter((text) => text.trim() !== ""),
        fc.string({ maxLength: 8 }),
        fc.constantFrom(...forms),
        async (publishAt, publishAtOffset, send) => {
          const outcome = await send({ publishAt, publishAtOffset });
          if (outcome.status === "held")
            await checkedCancelChange(database.prisma, editors.author.token, { id: String(outcome.pendingId) });
          else expect(outcome).toMatchObject({ status: "invalid", fieldErrors: { publishAt: [expect.any(String)] } });
        },
      ),
      { numRuns: 40 },
    );
    expect(await revisionCount()).toBe(revisions);
  });
});

describe("scheduled publishing", () => {
  it("holds a change set for a time, publishes it at that time and not a millisecond before", async () => {
    const before = await storedValue();
    const revisions = await revisionCount();
    const scheduled = await held(
      await checkedSaveRecord(database.prisma, editors.author.token, {
        ...(await figureForm(database.prisma, FIGURE, { value: "54000005" })),
        publishAt: inSeconds(60),
        publishAtOffset: "0",
      }),
    );
    expect(scheduled.message).toMatch(/Set to go public at/);
    const { publishAt } = await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: scheduled.pendingId } });
    expect(await publishDue(database.prisma, new Date(publishAt!.getTime() - 1))).toBe(0);
    expect(await storedValue()).toBe(before);
    expect(await revisionCount()).toBe(revisions);
    expect(await publishDue(database.prisma, publishAt!)).toBe(1);
    expect(await storedValue()).toBe(5400000500n);
  });

  it("moves and cancels a scheduled change; a time passed or unreadable is refused by its field", async () => {
    const scheduled = await held(
      await checkedSaveRecord(database.prisma, editors.author.token, {
        ...(await figureForm(database.prisma, FIGURE, { value: "7" })),
        publishAt: inSeconds(60),
      }),
    );
    const id = String(scheduled.pendingId);
    const past = await checkedMoveChange(database.prisma, editors.reviewer.token, {
      id,
      publishAt: "2020-07-02T09:30",
    });
    expect(past).toMatchObject({ status: "invalid", fieldErrors: { publishAt: [expect.stringMatching(/passed/)] } });
    const moved = await checkedMoveChange(database.prisma, editors.reviewer.token, { id, publishAt: inSeconds(3600) });
    expect(moved.status).toBe("done");
    expect(await publishDue(database.prisma, new Date(Date.now() + 120_000))).toBe(0);
    expect((await checkedCancelChange(database.prisma, editors.reviewer.token, { id })).status).toBe("done");
    expect(await publishDue(database.prisma, new Date(Date.now() + 7200_000))).toBe(0);
    const unreadable = await checkedSaveRecord(database.prisma, editors.author.token, {
      ...(await figureForm(database.prisma, FIGURE, { value: "8" })),
      publishAt: "half past nine",
    });
    expect(unreadable).toMatchObject({ status: "invalid", fieldErrors: { publishAt: [expect.any(String)] } });
  });

  it("a whole release can be set for a time", async () => {
    const figures = await database.prisma.figure.count();
    const scheduled = await held(
      await checkedSaveRelease(database.prisma, editors.author.token, {
        sourceMode: "existing",
        sourceId: "nca-2022-06-09",
        passage: "Officers seized 41 firearms.",
        asOf: "2022-06-08",
        geographyId: "uk",
        agencyId: "nca",
        reason: "",
        intent: "save",
        "figures.0.include": "on",
        "figures.0.value": "41",
        "figures.0.unit": "items",
        "figures.0.qualifier": "exact",
        "figures.0.metricId": "firearms",
        "figures.0.asOf": "2022-06-08",
        "figures.0.geographyId": "uk",
        "figures.0.label": "Firearms seized",
        "figures.0.quote": "Officers seized 41 firearms.",
        publishAt: inSeconds(30),
      }),
    );
    expect(await database.prisma.figure.count()).toBe(figures);
    const { publishAt } = await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: scheduled.pendingId } });
    expect(await publishDue(database.prisma, publishAt!)).toBe(1);
    expect(await database.prisma.figure.count()).toBe(figures + 1);
  });

  it("a deletion set for a time leaves the record public until then, and can be moved and cancelled", async () => {
    const [ruling] = await database.prisma.ruling.findMany({
      select: { id: true, version: true },
      orderBy: { id: "asc" },
    });
    const deletion = () =>
      checkedDeleteRecord(database.prisma, editors.author.token, {
        recordType: "ruling",
        id: ruling!.id,
        version: String(ruling!.version),
        reason: "Overturned on appeal",
        publishAt: inSeconds(60),
      });
    const cancelled = await held(await deletion());
    expect(cancelled.message).toMatch(/Set to go public at/);
    expect(
      (await checkedCancelChange(database.prisma, editors.reviewer.token, { id: String(cancelled.pendingId) })).status,
    ).toBe("done");
    expect(await publishDue(database.prisma, new Date(Date.now() + 120_000))).toBe(0);

    const scheduled = await held(await deletion());
    expect(await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: scheduled.pendingId } })).toMatchObject(
      {
        action: "delete",
        summary: `Deletion of ruling ${ruling!.id}`,
      },
    );
    const moved = await checkedMoveChange(database.prisma, editors.reviewer.token, {
      id: String(scheduled.pendingId),
      publishAt: inSeconds(3600),
    });
    expect(moved.status).toBe("done");
    expect(await publishDue(database.prisma, new Date(Date.now() + 120_000))).toBe(0);
    expect(await database.prisma.ruling.count({ where: { id: ruling!.id } })).toBe(1);
    const { publishAt } = await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: scheduled.pendingId } });
    expect(await publishDue(database.prisma, publishAt!)).toBe(1);
    expect(await database.prisma.ruling.count({ where: { id: ruling!.id } })).toBe(0);
    const revision = await database.prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(revision).toMatchObject({
      recordId: ruling!.id,
      action: "delete",
      editorId: editors.author.id,
      reason: "Overturned on appeal",
    });
  });

  it("a deletion held for review with a time goes public at that time once another editor approves it", async () => {
    setting.review = true;
    const [, ruling] = await database.prisma.ruling.findMany({
      select: { id: true, version: true },
      orderBy: { id: "asc" },
    });
    const draft = await held(
      await checkedDeleteRecord(database.prisma, editors.author.token, {
        recordType: "ruling",
        id: ruling!.id,
        version: String(ruling!.version),
        reason: "Entered twice",
        publishAt: inSeconds(60),
      }),
    );
    expect(draft.message).toMatch(/Submitted for review.*then at/);
    expect(
      (await checkedApproveChange(database.prisma, editors.author.token, { id: String(draft.pendingId) })).status,
    ).toBe("refused");
    const approved = await checkedApproveChange(database.prisma, editors.reviewer.token, {
      id: String(draft.pendingId),
    });
    expect(approved).toMatchObject({ status: "done", message: expect.stringMatching(/goes public at/) });
    expect(await database.prisma.ruling.count({ where: { id: ruling!.id } })).toBe(1);
    const { publishAt } = await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: draft.pendingId } });
    expect(await publishDue(database.prisma, publishAt!)).toBe(1);
    expect(await database.prisma.ruling.count({ where: { id: ruling!.id } })).toBe(0);
  });

  it("of two instances claiming the same due change at once, one publishes it, once", async () => {
    const scheduled = await held(
      await checkedSaveRecord(database.prisma, editors.author.token, {
        ...(await figureForm(database.prisma, FIGURE, { value: "54000006" })),
        publishAt: inSeconds(30),
      }),
    );
    const { publishAt } = await database.prisma.pendingChange.findUniqueOrThrow({ where: { id: scheduled.pendingId } });
    const revisions = await revisionCount();
    // Two processes on PostgreSQL. On SQLite, whose driver waits for a lock by blocking its whole
    // process, two clients in one process would wait for each other: one client's transactions
    // queue as two instances' do on the file.
    const second = TEST_PROVIDER === "postgresql" ? createPrismaClient(database.url) : database.prisma;
    try {
      const claim = { status: "scheduled", publishAt: { lte: publishAt! } };
      const outcomes = await Promise.all([
        publishHeld(database.prisma, scheduled.pendingId, claim, {}, publishAt!),
        publishHeld(second, scheduled.pendingId, claim, {}, publishAt!),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["published", "taken"]);
    } finally {
      if (second !== database.prisma) await second.$disconnect();
    }
    expect(await revisionCount()).toBe(revisions + 1);
    expect(await storedValue()).toBe(5400000600n);
  });
});

describe("the time a change is set for", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const schema = scheduleSchema(() => now);

  it("reads the editor's clock with the browser's offset", () => {
    expect(instantOf("2026-12-01T09:30", -60)?.toISOString()).toBe("2026-12-01T08:30:00.000Z");
    expect(instantOf("2026-12-01 09:30:15", 0)?.toISOString()).toBe("2026-12-01T09:30:15.000Z");
    expect(instantOf("2026-02-31T09:30", 0)).toBeNull();
    expect(schema.parse({ publishAt: "" })).toBeNull();
    expect(schema.safeParse({ publishAt: "2026-11-30T11:59" }).error?.issues[0]?.message).toMatch(/passed/);
    expect(schema.safeParse({ publishAt: "2028-01-01T00:00" }).error?.issues[0]?.message).toMatch(/at most 366 days/);
  });

  it("never throws: any text is a time to come, or refused with a message on its field", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 8 }), (publishAt, publishAtOffset) => {
        const parsed = schema.safeParse({ publishAt, publishAtOffset });
        if (parsed.success) expect(parsed.data === null || parsed.data > now).toBe(true);
        else expect(parsed.error.issues.every((issue) => issue.path[0] === "publishAt" && issue.message)).toBe(true);
      }),
    );
  });

  it("any real minute to come is read back to that minute", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 365 * 24 * 60 }),
        fc.integer({ min: -840, max: 840 }),
        (minutes, offset) => {
          const at = new Date(now.getTime() + minutes * 60_000);
          const local = new Date(at.getTime() - offset * 60_000).toISOString().slice(0, 16);
          expect(schema.parse({ publishAt: local, publishAtOffset: String(offset) })).toEqual(at);
        },
      ),
    );
  });
});
