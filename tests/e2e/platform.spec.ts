import { expect, test } from "@playwright/test";

test("responses carry the security headers and no X-Powered-By", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the revalidation endpoint refuses a request without the server's token", async ({ request }) => {
  const response = await request.post("/api/revalidate", { headers: { "x-revalidate-token": "guess" } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "A valid x-revalidate-token header is required." });
});

test("an unknown address gives a 404 page that helps the reader on", async ({ page }) => {
  const response = await page.goto("/charts/no-such-chart");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the health check answers once the database can be read", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
