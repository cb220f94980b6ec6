import { describe, expect, it } from "vitest";
import type { SourceSummary } from "@/lib/figures/view";
import { sourceLine } from "./source-line";

const source = (publisher: string, publishedOn: string | null, copy = "original"): SourceSummary => ({
  id: publisher,
  publisher,
  title: null,
  url: `https://example.org/${publisher}`,
  publishedOn,
  kind: "press",
  copy,
  copyOf: null,
});

describe("sourceLine", () => {
  const itv = source("ITV News", "2020-07-02");
  const nca = source("National Crime Agency", "2022-06", "mirror");
  const europol = source("Europol", null);

  it("credits each source by publisher and date, counted in its label", () => {
    expect(sourceLine([itv])).toBe("Source: ITV News, 2 July 2020.");
    expect(sourceLine([itv, europol])).toBe("Sources: ITV News, 2 July 2020; Europol.");
    expect(sourceLine([])).toBe("");
  });

  it("marks mirrors and keeps a singular label when asked", () => {
    expect(sourceLine([itv, nca], { markMirrors: true, singular: true })).toBe(
      "Source: ITV News, 2 July 2020; National Crime Agency, June 2022 (mirror).",
    );
  });

  it("names the first two and counts the rest when the line is too long", () => {
    expect(sourceLine([itv, nca, europol], { maxLength: 40 })).toBe(
      "Sources: ITV News, 2 July 2020; National Crime Agency, June 2022 and 1 more, listed on the chart's page.",
    );
    expect(sourceLine([itv, nca], { maxLength: 10 })).toBe(
      "Sources: ITV News, 2 July 2020; National Crime Agency, June 2022.",
    );
  });
});
