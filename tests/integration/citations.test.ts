import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { describe, expect, it, vi } from "vitest";
import { GET as chartCitationFile } from "@/app/api/charts/[file]/[citation]/route";
import { GET as figureCitationFile } from "@/app/api/figures/[file]/[citation]/route";
import { checkedSaveRecord } from "@/lib/admin/checked.server";
import { figureAsRecorded } from "@/lib/figures/at-revision";
import { databaseWithEditors } from "../support/signed-in";

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

const ARRESTED = "nca-2022-06-09-arrested";
const OTHER = "itv-2020-07-02-cash";
const SITE = "http://localhost:3000";

const latestRevision = async () =>
  (await database.prisma.revision.findFirstOrThrow({ select: { id: true }, orderBy: { id: "desc" } })).id;

function figureFile(id: string, file: string, query = "") {
  return figureCitationFile(new Request(`${SITE}/api/figures/${id}/${file}${query}`), {
    params: Promise.resolve({ file: id, citation: file }),
  });
}

function chartFile(slug: string, file: string, query = "") {
  return chartCitationFile(new Request(`${SITE}/api/charts/${slug}/${file}${query}`), {
    params: Promise.resolve({ file: slug, citation: file }),
  });
}

/** The form's values for a stored figure, with some changed, as an editor would send them. */
async function editFigure(id: string, changes: Record<string, string>) {
  const figure = await database.prisma.figure.findUniqueOrThrow({ where: { id } });
  const saved = await checkedSaveRecord(database.prisma, editors.ed.token, {
    recordType: "figure",
    id,
    version: String(figure.version),
    changeKind: "correction",
    metricId: figure.metricId,
    value: figure.valueMinor.toString(),
    unit: figure.unit,
    qualifier: figure.qualifier,
    geographyId: figure.geographyId,
    agencyId: figure.agencyId ?? "",
    asOf: figure.asOf,
    sourceId: figure.sourceId,
    label: figure.label,
    quote: figure.quote,
    note: figure.note ?? "",
    reason: "Corrected from the source",
    ...changes,
  });
  if (saved.status !== "saved") throw new Error(JSON.stringify(saved));
}

async function readBibtex(response: Response) {
  const cite = await Cite.async(await response.text());
  return cite.data[0]!;
}

describe("a figure's citation files", () => {
  it("pins the figure to its last change, with the type and name of each file", async () => {
    const figure = await database.prisma.figure.findUniqueOrThrow({ where: { id: ARRESTED } });
    const lastChange = await database.prisma.revision.findFirstOrThrow({
      where: {
        OR: [
          { recordType: "figure", recordId: ARRESTED },
          { recordType: "source", recordId: figure.sourceId },
        ],
      },
      orderBy: { id: "desc" },
    });
    const pinned = `${SITE}/embed/figure/${ARRESTED}?v=${lastChange.id}`;

    const bib = await figureFile(ARRESTED, "citation.bib");
    expect(bib.status).toBe(200);
    expect(bib.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    expect(bib.headers.get("content-disposition")).toBe(
      `attachment; filename="venetic-figure-${ARRESTED}-r${lastChange.id}.bib"`,
    );
    expect(bib.headers.get("access-control-allow-origin")).toBe("*");
    const item = await readBibtex(bib);
    expect(item).toMatchObject({
      title: "Arrested: 2,864 (United Kingdom, as at 8 June 2022)",
      URL: pinned,
      issued: { "date-parts": [[2022, 6, 9]] },
    });

    const ris = await figureFile(ARRESTED, "citation.ris");
    expect(ris.headers.get("content-type")).toBe("application/x-research-info-systems; charset=utf-8");
    expect(await ris.text()).toContain(`UR  - ${pinned}\r\n`);

    const csl = await figureFile(ARRESTED, "citation.json");
    expect(csl.headers.get("content-type")).toBe("application/vnd.citationstyles.csl+json");
    expect(await csl.json()).toMatchObject([
      { type: "dataset", URL: pinned, author: [{ literal: "National Crime Agency" }] },
    ]);

    // The address cited shows the figure as cited.
    expect(await figureAsRecorded(database.prisma, ARRESTED, lastChange.id)).toMatchObject({
      ok: true,
      figure: { display: "2,864" },
    });
  });

  it("stays word for word the same while the rest of the record changes, and follows the figure's own correction", async () => {
    const before = await (await figureFile(ARRESTED, "citation.json")).json();
    await editFigure(OTHER, { note: "An unrelated correction" });
    expect(await (await figureFile(ARRESTED, "citation.json")).json()).toEqual(before);

    await editFigure(ARRESTED, { value: "2900", qualifier: "more-than" });
    const corrected = await latestRevision();
    const [item] = await (await figureFile(ARRESTED, "citation.json")).json();
    expect(item).toMatchObject({
      title: "Arrested: over 2,900 (United Kingdom, as at 8 June 2022)",
      URL: `${SITE}/embed/figure/${ARRESTED}?v=${corrected}`,
      version: `revision ${corrected}`,
    });

    // A citation pinned before the correction still cites what readers read then.
    const [old] = before as { URL: string; version: string }[];
    const oldRevision = Number(old!.version.replace("revision ", ""));
    const [then] = await (await figureFile(ARRESTED, "citation.json", `?v=${oldRevision}`)).json();
    expect(then).toMatchObject({ title: "Arrested: 2,864 (United Kingdom, as at 8 June 2022)", URL: old!.URL });
  });

  it("refuses what is not there with a 404 and a bad revision with a 400, in a sentence, never a 500", async () => {
    const latest = await latestRevision();
    const firstOfFigure = await database.prisma.revision.findFirstOrThrow({
      where: { recordType: "figure", recordId: ARRESTED },
      orderBy: { id: "asc" },
    });
    const refusals: [string, string, string, number][] = [
      ["no-such-figure", "citation.bib", "", 404],
      ["Not-An-Id", "citation.bib", "", 404],
      [ARRESTED, "citation.txt", "", 404],
      [ARRESTED, "citation.BIB", "", 404],
      [ARRESTED, "cite.bib", "", 404],
      [ARRESTED, "citation.bib", `?v=${latest + 1}`, 404],
      [ARRESTED, "citation.bib", "?v=abc", 400],
      [ARRESTED, "citation.bib", "?v=0", 400],
      [ARRESTED, "citation.bib", "?v=-3", 400],
      [ARRESTED, "citation.bib", `?v=${"9".repeat(40)}`, 400],
    ];
    if (firstOfFigure.id > 1) refusals.push([ARRESTED, "citation.ris", `?v=${firstOfFigure.id - 1}`, 404]);
    for (const [id, file, query, status] of refusals) {
      const response = await figureFile(id, file, query);
      expect(response.status, `${id}/${file}${query}`).toBe(status);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toMatch(/^(There (is|was) no|No such citation file|v must be)/);
    }
  });
});

describe("a chart's citation files", () => {
  it("pins the chart to the newest revision, as its embed's pinned code does", async () => {
    const latest = await latestRevision();
    const response = await chartFile("uk-totals", "citation.bib");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="venetic-chart-uk-totals-r${latest}.bib"`,
    );
    const chart = await database.prisma.chart.findUniqueOrThrow({ where: { slug: "uk-totals" } });
    const item = await readBibtex(response);
    expect(item).toMatchObject({ title: chart.title, URL: `${SITE}/embed/uk-totals?v=${latest}` });
    const revision = await database.prisma.revision.findUniqueOrThrow({ where: { id: latest } });
    const day = revision.createdAt.toISOString().slice(0, 10).split("-").map(Number);
    expect(item.issued).toEqual({ "date-parts": [day] });

    const ris = await Cite.async(await (await chartFile("uk-totals", "citation.ris", `?v=${latest}`)).text(), {
      forceType: "@ris/file",
    });
    expect(ris.data[0]).toMatchObject({ title: chart.title, URL: `${SITE}/embed/uk-totals?v=${latest}` });
  });

  it("has none for a draft, an unknown chart, or a revision not yet written; a bad revision is a 400", async () => {
    await database.prisma.chart.create({
      data: { id: "draft-chart", slug: "draft-chart", title: "A draft", type: "timeline", published: false },
    });
    const latest = await latestRevision();
    for (const [slug, file, query, status] of [
      ["draft-chart", "citation.bib", "", 404],
      ["no-such-chart", "citation.ris", "", 404],
      ["uk-totals", "citation.pdf", "", 404],
      ["uk-totals", "citation.json", `?v=${latest + 1}`, 404],
      ["uk-totals", "citation.json", "?v=1.5", 400],
    ] as const) {
      const response = await chartFile(slug, file, query);
      expect(response.status, `${slug}/${file}${query}`).toBe(status);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
  });
});
