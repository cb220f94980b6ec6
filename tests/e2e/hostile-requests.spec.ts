import { request as httpRequest } from "node:http";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { openE2eDatabase } from "./support/database";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_BASE_URL, E2E_PORT } from "./support/server";
import { submitSignIn } from "./support/signed-in";

// What an attacker sends, sent to the real app as it is served (`npm start`): every method,
// every kind of address, odd headers. Nothing may answer 500, and every refusal says why.

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** Raw HTTP: browsers and fetch() refuse to send TRACE or a path that is not valid encoding. */
function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port: E2E_PORT, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

const PUBLIC_ADDRESSES = [
  "/",
  "/figures",
  "/figures?kind=seizure&sort=value",
  "/charts/uk-totals",
  "/embed/uk-totals",
  "/embed/uk-totals?static=1",
  "/api/figures.json",
  "/api/figures.csv",
  "/api/charts/uk-totals.csv",
  "/api/charts/uk-totals.svg",
  "/api/oembed?url=http%3A%2F%2F127.0.0.1%2Fcharts%2Fuk-totals",
  "/sources",
  "/agencies",
  "/rulings",
  "/conflicts",
  "/robots.txt",
  "/embed.js",
  "/favicon.svg",
  "/no-such-page",
  "/admin/login",
];

test("unreadable percent-encoding anywhere in an address answers 400 with a sentence", async () => {
  for (const path of [
    "/figures?q=%ZZ",
    "/figures?%%%",
    "/admin/login?x=%ZZ",
    "/charts/%ZZ",
    "/charts/%E0%A4%A",
    "/embed/%ff",
    "/api/charts/%ff.csv",
  ]) {
    const answer = await send("GET", path);
    expect(answer.status, path).toBe(400);
    expect(answer.body, path).toMatch(/not valid/);
  }
});

test("methods an address does not serve answer 405 with Allow and a sentence, static files included", async () => {
  // Readers' pages come without Next's scripts (decision 0024); the sign-in page keeps them.
  const staticFile = (await send("GET", "/admin/login")).body.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(staticFile).toBeTruthy();
  for (const [method, path] of [
    ["TRACE", "/"],
    ["TRACE", "/api/figures.json"],
    ["POST", "/embed.js"],
    ["PUT", "/robots.txt"],
    ["DELETE", staticFile!],
    ["PATCH", "/charts/uk-totals"],
    ["GET", "/api/revalidate"],
  ] as const) {
    const answer = await send(method, path);
    expect(answer.status, `${method} ${path}`).toBe(405);
    expect(answer.headers.allow, `${method} ${path}`).toMatch(/GET|POST/);
    expect(answer.body, `${method} ${path}`).toMatch(/This address answers/);
  }
  const options = await send("OPTIONS", "/embed.js");
  expect(options.status).toBe(204);
  expect(options.headers.allow).toBe("GET, HEAD, OPTIONS");
});

test("a bad Range gets the whole file, never a 500", async () => {
  for (const range of ["bytes=1-0", "bytes=abc", "bytes=999999999999-"]) {
    const answer = await send("GET", "/robots.txt", { Range: range });
    expect(answer.status, range).toBe(200);
    expect(answer.body, range).toMatch(/User-agent/i);
  }
});

test("methods × public addresses × odd headers: never a 500, every refusal with a body", async () => {
  const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND");
  const headers = fc.record(
    {
      Range: fc.constantFrom("bytes=1-0", "bytes=abc", "bytes=999999999999-", "bytes=0-10", "items=1-2", "bytes=-5"),
      Accept: fc.constantFrom("*/*", "text/html", "application/json", "image/*", "x/y;q=abc", "", "\u00ff"),
      "Content-Type": fc.constantFrom("text/plain", "multipart/form-data", "application/json; charset=x", "?"),
    },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(method, fc.constantFrom(...PUBLIC_ADDRESSES), headers, async (verb, path, extra) => {
      const latin1 = Object.fromEntries(Object.entries(extra).map(([name, value]) => [name, value as string]));
      const answer = await send(verb, path, latin1);
      expect(answer.status, `${verb} ${path} ${JSON.stringify(extra)}`).toBeLessThan(500);
      if (answer.status >= 400 && verb !== "HEAD") {
        expect(answer.body.length, `${verb} ${path} ${JSON.stringify(extra)}`).toBeGreaterThan(0);
      }
    }),
    { numRuns: 150 },
  );
});

test("an embed or oEmbed pinned to a revision the record does not have yet is 404 and never cached", async () => {
  const embed = await send("GET", "/embed/uk-totals?v=9999999999");
  expect(embed.status).toBe(404);
  expect(embed.headers["cache-control"]).toBe("no-store");
  expect(embed.body).toMatch(/no revision 9999999999/);
  const oembed = await send(
    "GET",
    `/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/embed/uk-totals?v=9999999999`)}`,
  );
  expect(oembed.status).toBe(404);
  expect(oembed.headers["cache-control"]).toBe("no-store");
  expect(JSON.parse(oembed.body)).toEqual({ error: expect.stringMatching(/no revision 9999999999/) });
});

test("with no trusted proxy, five failed sign-ins lock the address whatever X-Forwarded-For claims", async ({
  browser,
}) => {
  const prisma = openE2eDatabase();
  try {
    for (let attempt = 0; attempt < 6; attempt++) {
      const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${attempt}` } });
      const page = await context.newPage();
      // A different account each time, so that only the per-address lock can stop the next one.
      await submitSignIn(page, { email: `nobody-${attempt}@example.org`, password: "wrong password 123" });
      await expect(page.getByText(/do not match an active editor|Too many failed attempts/)).toBeVisible();
      await context.close();
    }
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.77" } });
    const page = await context.newPage();
    await submitSignIn(page, { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD });
    await expect(page.getByText(/Too many failed attempts/)).toBeVisible();
    await context.close();
  } finally {
    // The lock is on this machine's address, which every other test signs in from.
    await prisma.loginThrottle.deleteMany({});
    await prisma.$disconnect();
  }
});

/** The id of the first server action a page's form posts to, as Next writes it into the form. */
function actionId(html: string): string {
  const id =
    /\$ACTION_1:0[^>]*?&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1] ??
    /"id":"([0-9a-f]{20,})"/.exec(html)?.[1];
  if (!id) throw new Error("No server action id in the page.");
  return id;
}

test("server actions called with arguments that are not their form answer with a message, not a 500", async ({
  request,
}) => {
  const signIn = actionId(await (await request.get("/admin/login")).text());
  // What the sweep sent; a body that is not even an array ("null") fails inside Next's own
  // decoding before any action of ours is called, and is beyond this app to answer.
  for (const body of ["[]", "[{},{}]", '["$K1",{"email":"a\\ud800"}]']) {
    const answer = await request.post("/admin/login", {
      headers: {
        "Next-Action": signIn,
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: E2E_BASE_URL,
        Accept: "text/x-component",
      },
      data: body,
      failOnStatusCode: false,
    });
    expect(answer.status(), body).toBeLessThan(500);
    expect(await answer.text(), body).toMatch(/send the form on this site's page/);
  }
});
