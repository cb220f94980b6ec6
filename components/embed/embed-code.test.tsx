import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EmbedCode } from "./embed-code";

const SITE = "https://record.example.org";
const code = () => (screen.getByLabelText("Code to paste into your article") as HTMLTextAreaElement).value;

describe("the embed code", () => {
  it("offers the live code and the code pinned to the newest revision", () => {
    render(<EmbedCode site={SITE} slug="uk-totals" title="UK totals" latestRevision={42} height={400} open />);
    expect(code()).toContain(`${SITE}/embed/uk-totals"`);
    fireEvent.click(screen.getByRole("radio", { name: /^Pinned to revision 42/ }));
    expect(code()).toContain(`${SITE}/embed/uk-totals?v=42"`);
    expect(screen.getByRole("link", { name: "the embed alone" })).toHaveProperty(
      "href",
      expect.stringMatching(/\/embed\/uk-totals\?v=42$/),
    );
  });

  it("in a held change's preview pins to nothing, and previews the preview's own embed", () => {
    render(
      <EmbedCode
        site={SITE}
        slug="uk-totals"
        title="UK totals"
        latestRevision={null}
        previewHref="/admin/preview/7/embed/uk-totals"
        height={400}
        open
      />,
    );
    expect(screen.queryByRole("radio", { name: /^Pinned/ })).toBeNull();
    expect(screen.getByText(/offered once it is published/)).toBeTruthy();
    expect(code()).toContain(`${SITE}/embed/uk-totals"`);
    expect(code()).not.toMatch(/\?v=/);
    expect(screen.getByRole("link", { name: "the embed alone" })).toHaveProperty(
      "href",
      expect.stringMatching(/\/admin\/preview\/7\/embed\/uk-totals$/),
    );
  });
});
