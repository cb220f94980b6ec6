import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FigureView } from "@/lib/figure-view";
import { FigureList } from "./figure-list";

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

describe("FigureList", () => {
  it("shows each figure with its qualifier, date and a link to its source", () => {
    render(<FigureList figures={[cash]} />);
    const item = screen.getByRole("listitem");
    expect(within(item).getByText("over £54 million")).toBeInTheDocument();
    expect(within(item).getByText("2 July 2020")).toHaveAttribute("datetime", "2020-07-02");
    expect(within(item).getByRole("link", { name: "ITV News, 2 July 2020" })).toHaveAttribute(
      "href",
      "https://itv.com/news/example",
    );
    expect(within(item).getByText(/Over £54 million in criminal cash/)).toBeInTheDocument();
  });

  it("says when a source is a mirror of another outlet's story", () => {
    const mirrored = { ...cash, source: { ...cash.source, copy: "mirror", copyOf: "BBC News" } };
    render(<FigureList figures={[mirrored]} />);
    expect(screen.getByText("(mirror of BBC News)")).toBeInTheDocument();
  });

  it("says so when there is nothing to show", () => {
    render(<FigureList figures={[]} />);
    expect(screen.getByText("No figures have been recorded yet.")).toBeInTheDocument();
  });
});
