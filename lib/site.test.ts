import { describe, expect, it } from "vitest";
import { selfAddress } from "./site.server";

describe("selfAddress", () => {
  it.each([
    [undefined, "127.0.0.1"],
    ["0.0.0.0", "127.0.0.1"],
    ["::", "[::1]"],
    ["::1", "[::1]"],
    ["127.0.0.1", "127.0.0.1"],
    ["app.internal", "app.internal"],
  ])("reaches a server listening on %s at %s", (hostname, address) => {
    expect(selfAddress(hostname)).toBe(address);
  });
});
