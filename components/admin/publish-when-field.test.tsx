import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PublishWhenField } from "./publish-when-field";

describe("the time a change goes public", () => {
  it("keeps the time the editor gave after the server refuses the change", async () => {
    let sent: FormData | null = null;
    render(
      <form
        action={async (data) => {
          sent = data;
        }}
      >
        <PublishWhenField review={false} errors={["The time is in the past."]} />
        <button type="submit">Save</button>
      </form>,
    );
    const field = screen.getByLabelText(/^Publish at/);
    fireEvent.change(field, { target: { value: "2026-12-24T09:30:15" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
    });
    expect(String(sent!.get("publishAt"))).toMatch(/^2026-12-24T09:30:15/);
    // React has reset the form once the action ended; the time stays for the editor to correct.
    expect(screen.getByLabelText(/^Publish at/)).toHaveProperty("value", expect.stringMatching(/^2026-12-24T09:30:15/));
  });
});
