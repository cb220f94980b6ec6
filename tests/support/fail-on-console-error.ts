import { afterEach, beforeEach, vi } from "vitest";

// An error logged during a test is a bug even when the assertions pass (React warnings,
// failed queries caught and logged): fail the test that logged it.
let logged: unknown[][] = [];

beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (logged.length > 0) {
    throw new Error(`console.error was called:\n${logged.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});
