import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedMethods, checkRequest } from "./front-door";

describe("checkRequest", () => {
  it.each(["/", "/figures?kind=seizure&q=caf%C3%A9", "/charts/uk-totals", "/embed/uk-totals?v=12", "/robots.txt"])(
    "hands %s on",
    (target) => {
      expect(checkRequest("GET", target)).toBeNull();
    },
  );

  it.each([
    "/figures?q=%ZZ",
    "/figures?%%%",
    "/admin/login?x=%ZZ",
    "/charts/%ZZ",
    "/charts/%E0%A4%A",
    "/embed/%ff",
    "/api/charts/%ff.csv",
  ])("refuses unreadable percent-encoding in %s with a 400 and a message", (target) => {
    expect(checkRequest("GET", target)).toMatchObject({ status: 400, message: expect.stringMatching(/not valid/) });
  });

  it.each(["/admin/../robots.txt", "/admin/%2e%2e/_next/static/x.js", "/./figures", "/a\\b"])(
    "refuses dot segments and backslashes in %s, which Next would resolve after the method check",
    (target) => {
      expect(checkRequest("POST", target)).toMatchObject({ status: 400, message: expect.stringMatching(/"\.\."/) });
    },
  );

  it("lets the development server's own tools post when it runs", () => {
    expect(checkRequest("POST", "/__nextjs_original-stack-frames")?.status).toBe(405);
    expect(checkRequest("POST", "/__nextjs_original-stack-frames", { dev: true })).toBeNull();
  });

  it.each([
    ["TRACE", "/"],
    ["TRACE", "/api/figures.json"],
    ["POST", "/robots.txt"],
    ["PUT", "/embed.js"],
    ["DELETE", "/_next/static/chunks/main.js"],
    ["PATCH", "/figures"],
    ["POST", "/charts/uk-totals"],
    ["GET", "/api/revalidate"],
  ])("answers %s %s with 405, the methods it serves and a sentence", (method, target) => {
    const refusal = checkRequest(method, target);
    expect(refusal?.status).toBe(405);
    expect(refusal?.headers?.Allow).toBe(allowedMethods(target).join(", "));
    expect(refusal?.message).toMatch(/^This address answers .+ requests, not /);
  });

  it("answers OPTIONS where it makes sense with the methods served", () => {
    expect(checkRequest("OPTIONS", "/api/charts/uk-totals.csv")).toEqual({
      status: 204,
      message: "",
      headers: { Allow: "GET, HEAD, OPTIONS" },
    });
    expect(checkRequest("OPTIONS", "/figures")?.status).toBe(405);
  });

  it("lets the admin's forms and the revalidation endpoint post", () => {
    expect(checkRequest("POST", "/admin/figures/new")).toBeNull();
    expect(checkRequest("POST", "/api/revalidate")).toBeNull();
  });

  it("answers every method on every address with a pass or a refusal that has a status and words", () => {
    const method = fc.oneof(
      fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"),
      fc.stringMatching(/^[A-Z]{1,12}$/),
    );
    const target = fc.oneof(
      fc.webPath(),
      fc.string().map((text) => `/${text}`),
      fc.string(),
    );
    fc.assert(
      fc.property(method, target, (verb, path) => {
        const refusal = checkRequest(verb, path);
        if (refusal === null) return;
        expect([204, 400, 405]).toContain(refusal.status);
        if (refusal.status !== 204) expect(refusal.message.length).toBeGreaterThan(10);
      }),
    );
  });
});
