import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";

describe("isSameOrigin", () => {
  it("accepts a post from a page of the host it was sent to", () => {
    expect(isSameOrigin("https://venetic.example.org", "venetic.example.org")).toBe(true);
    expect(isSameOrigin("http://127.0.0.1:3100", "127.0.0.1:3100")).toBe(true);
  });

  it.each([
    ["https://elsewhere.example", "venetic.example.org"],
    ["https://venetic.example.org.evil.example", "venetic.example.org"],
    ["http://127.0.0.1:3101", "127.0.0.1:3100"],
    [null, "venetic.example.org"],
    ["null", "venetic.example.org"],
    ["https://venetic.example.org", null],
  ])("refuses Origin %j sent to %j", (origin, host) => {
    expect(isSameOrigin(origin, host)).toBe(false);
  });
});
