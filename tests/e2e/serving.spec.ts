import { brotliDecompressSync } from "node:zlib";
import { expect, test } from "./support/signed-in";

/**
 * Public pages are answered from responses the app's server keeps ready (decision 0017): these
 * hold what a reader, an editor and a browser's cache must be able to count on.
 */

const KEPT = ["/", "/charts/uk-totals", "/embed/uk-totals", "/api/figures.json", "/figures", "/robots.txt"];

test("a public page is rendered and then answered from what the server kept, compressed as asked", async ({
  request,
}) => {
  for (const path of KEPT) {
    // Soon, not necessarily at the second request: Next's copy of a page older than its
    // revalidation time comes back stale once (never kept), and a change made by an earlier test
    // clears what is kept within the watcher's 250 ms.
    await expect.poll(async () => (await request.get(path)).headers()["x-cache"], { message: path }).toBe("HIT");
    const kept = await request.get(path, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(kept.headers()["set-cookie"], path).toBeUndefined();
    const etag = kept.headers()["etag"]!;
    expect(etag, path).toMatch(/^"[\w-]+"$/);
    const again = await request.get(path, {
      headers: { "Accept-Encoding": "gzip, deflate, br", "If-None-Match": etag },
    });
    expect(again.status(), path).toBe(304);
  }
});

test("the brotli a browser is sent is the page itself", async ({ request }) => {
  const plain = await (await request.get("/", { headers: { "Accept-Encoding": "identity" } })).body();
  const response = await fetch(new URL("/", test.info().project.use.baseURL).toString(), {
    headers: { "Accept-Encoding": "br" },
  });
  expect(response.headers.get("content-encoding")).toBe("br");
  // fetch decodes what it can; Node's decodes brotli, so compare what it read with the plain page.
  const body = Buffer.from(await response.arrayBuffer());
  const decoded = body.equals(plain) ? body : brotliDecompressSync(body);
  expect(decoded.equals(plain)).toBe(true);
});

test("a signed-in editor is never answered from the readers' copy, and readers never get the editor's", async ({
  signedInPage: page,
  request,
}) => {
  await expect.poll(async () => (await request.get("/conflicts")).headers()["x-cache"]).toBe("HIT");
  const asEditor = await page.request.get("/conflicts");
  expect(asEditor.headers()["x-cache"]).toBe("BYPASS");
  const reader = await request.get("/conflicts");
  expect(reader.headers()["x-cache"]).toBe("HIT");
  expect(reader.headers()["set-cookie"]).toBeUndefined();
});

test("a search of the figures is kept apart from every other, its parameters in any order", async ({ request }) => {
  await request.get("/figures?kind=seizure&geography=uk");
  const sameSearch = await request.get("/figures?geography=uk&kind=seizure");
  expect(sameSearch.headers()["x-cache"]).toBe("HIT");
  const other = await request.get("/figures?kind=arrest&geography=uk");
  expect(other.headers()["x-cache"]).toBe("MISS");
  expect(await other.text()).not.toEqual(await sameSearch.text());
});
