import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FigureView } from "@/lib/figures/view";
import { HeadlineGrid } from "./headline-figure";

const cash: FigureView = {
  id: "itv-2020-07-02-cash",
  label: "Criminal cash seized",
  kind: "seizure",
  metric: { id: "cash", label: "Cash seized" },
  value: "54000000",
  unit: "GBP",
  qualifier: "more-than",
  display: "over £54 million",
  asOf: "2020-07-02",
  asOfDisplay: "2 July 2020",
  geography: { id: "uk", label: "United Kingdom" },
  agency: null,
  source: {
    id: "itv-2020-07-02",
    publisher: "ITV News",
    title: "Unparalleled victory",
    url: "https://itv.com/news/example",
    publishedOn: "2020-07-02",
    kind: "press",
    copy: "original",
    copyOf: null,
  },
  quote: "Over £54 million in criminal cash",
  note: null,
};

describe("HeadlineGrid", () => {
  it("shows each figure large, with its qualifier, the date it describes and a link to its source", () => {
    render(<HeadlineGrid figures={[cash]} label="The latest UK figures" />);
    const list = screen.getByLabelText("The latest UK figures");
    expect(list.tagName).toBe("DL");
    expect(within(list).getByText("Criminal cash seized").tagName).toBe("DT");
    expect(within(list).getByText("over £54 million")).toBeInTheDocument();
    expect(within(list).getByText("2 July 2020")).toHaveAttribute("datetime", "2020-07-02");
    expect(within(list).getByRole("link", { name: "ITV News, 2 July 2020" })).toHaveAttribute(
      "href",
      "https://itv.com/news/example",
    );
  });

  it("says when a source is a mirror of another outlet's story", () => {
    const mirrored = { ...cash, source: { ...cash.source, copy: "mirror", copyOf: "BBC News" } };
    render(<HeadlineGrid figures={[mirrored]} label="Figures" />);
    expect(screen.getByText("(mirror of BBC News)")).toBeInTheDocument();
  });
});
