import { createHash } from "node:crypto";
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAppServer } from "./app-server.server";
import { jsonForScript } from "@/lib/escape";
import {
  chooseEncoding,
  clearServedResponses,
  inlineScriptHashes,
  MAX_QUERY_RENDERS,
  QUERY_PAGES_PER_SECOND,
  REFUSAL_PAUSE_MS,
  normalisedTarget,
  withServingCache,
} from "./serving-cache.server";
import { parseTrustedProxies } from "./trusted-proxies.server";

/** How many times the stand-in for Next rendered each address. */
const renders = new Map<string, number>();
/** Held renders of /slow..., released by the test. */
const held: (() => void)[] = [];

const TEXT = "<p>Figures as reported.</p>".repeat(200);
/** A page as Next renders it, with its runtime's scripts. */
const PAGE = `<!DOCTYPE html><html><body>${TEXT}<script>self.__next_f.push([1,"a"])</script><script src="/_next/static/x.js"></script><script id="x">boot()</script></body></html>`;
/** The same page as readers receive it: without the runtime (./reader-page.ts). */
const SENT = `<!DOCTYPE html><html><body>${TEXT}<script id="x">boot()</script></body></html>`;

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(
    withServingCache(async (request, response) => {
      const path = request.url ?? "/";
      renders.set(path, (renders.get(path) ?? 0) + 1);
      if (path.startsWith("/slow") || path.startsWith("/figures?") || path.includes("?at=")) {
        await new Promise<void>((go) => held.push(go));
      }
      if (path === "/cookie") response.setHeader("Set-Cookie", "a=b");
      // As Next's static files can when the reader goes away mid-way: never end the response.
      if (path === "/abandoned" && renders.get(path) === 1) return new Promise<void>(() => {});
      // As Next's static files do: wait for the response to be sent before the handler returns.
      if (path === "/robots.txt") {
        response.setHeader("Content-Type", "text/plain");
        const finished = once(response, "finish");
        response.end("User-agent: *\n");
        await finished;
        return;
      }
      if (path === "/missing") response.statusCode = 404;
      // Next writes headers one way or another; both must be kept.
      if (path.startsWith("/api/")) {
        response.writeHead(200, { "Content-Type": "application/json", Vary: "rsc" });
        response.end(JSON.stringify({ figures: Array.from({ length: 200 }, (_, i) => i), path }));
        return;
      }
      // As Next answers its router's requests for a page prerendered for a while.
      if (request.headers.rsc === "1") {
        response.writeHead(200, {
          "Content-Type": "text/x-component",
          "Cache-Control": "s-maxage=60, stale-while-revalidate=31535940",
          Vary: "rsc",
        });
        response.end(`0:{"page":${JSON.stringify(TEXT)}}`);
        return;
      }
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.setHeader("Cache-Control", "s-maxage=60, stale-while-revalidate=31535940");
      response.setHeader("Content-Security-Policy", "script-src 'self'");
      response.write(PAGE.slice(0, 100));
      response.end(PAGE.slice(100));
    }),
  );
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  clearServedResponses();
  renders.clear();
});

type Answer = { status: number; headers: IncomingMessage["headers"]; body: Buffer };

function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ port, host: "127.0.0.1", path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

const untilHeld = async (count: number) => {
  while (held.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe("the responses the server keeps ready", () => {
  it("renders a public page once and answers the next reader from what it kept", async () => {
    const first = await get("/");
    const second = await get("/");
    expect(renders.get("/")).toBe(1);
    expect([first.headers["x-cache"], second.headers["x-cache"]]).toEqual(["MISS", "HIT"]);
    expect(second.body.toString()).toBe(SENT);
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it("sends brotli or gzip as the reader's browser accepts, each with its own strong ETag", async () => {
    const br = await get("/", { "Accept-Encoding": "gzip, deflate, br" });
    const gzip = await get("/", { "Accept-Encoding": "gzip" });
    const plain = await get("/", { "Accept-Encoding": "identity" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(SENT);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(SENT);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(renders.get("/")).toBe(1);
  });

  it("answers 304 to a reader who has the same representation", async () => {
    const first = await get("/", { "Accept-Encoding": "br" });
    const again = await get("/", { "Accept-Encoding": "br", "If-None-Match": first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
    const otherEncoding = await get("/", { "Accept-Encoding": "gzip", "If-None-Match": first.headers.etag! });
    expect(otherEncoding.status).toBe(200);
  });

  it("sends an HTML page without Next's runtime, its policy naming the hashes of the inline scripts left", async () => {
    const page = await get("/");
    expect(page.body.toString()).toBe(SENT);
    const policy = String(page.headers["content-security-policy"]);
    const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(policy).toContain(`script-src 'self' ${sha("boot()")};`);
    const scripts = /script-src ([^;]*)/.exec(policy)![1]!;
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts.match(/'sha256-/g)).toHaveLength(1);
  });

  it("forgets everything when the record changes", async () => {
    await get("/");
    clearServedResponses();
    await get("/");
    expect(renders.get("/")).toBe(2);
  });

  it("does not keep a render that began before a change", async () => {
    const answer = get("/slow");
    await untilHeld(1);
    clearServedResponses();
    held.shift()!();
    await answer;
    const next = get("/slow");
    await untilHeld(1);
    held.shift()!();
    await next;
    expect(renders.get("/slow")).toBe(2);
  });

  it("renders again for a reader who asks after a change, rather than waiting for a render begun before it", async () => {
    const before = get("/slow-change");
    await untilHeld(1);
    clearServedResponses();
    const after = get("/slow-change");
    await untilHeld(2);
    while (held.length) held.shift()!();
    await Promise.all([before, after]);
    expect(renders.get("/slow-change")).toBe(2);
  });

  it("renders an address once for readers who ask for it at the same time", async () => {
    const answers = Array.from({ length: 5 }, () => get("/slow-burst"));
    await untilHeld(1);
    held.shift()!();
    const bodies = await Promise.all(answers);
    expect(renders.get("/slow-burst")).toBe(1);
    expect(bodies.every((answer) => answer.status === 200 && answer.body.toString() === SENT)).toBe(true);
  });

  it("keeps one page for a query in any order, apart from another query", async () => {
    await get("/api/figures.json?b=2&a=1");
    await get("/api/figures.json?a=1&b=2");
    await get("/api/figures.json?a=1");
    expect(renders.get("/api/figures.json?b=2&a=1")).toBe(1);
    expect(renders.get("/api/figures.json?a=1&b=2")).toBeUndefined();
    expect(renders.get("/api/figures.json?a=1")).toBe(1);
  });

  it("keeps apart the variants Next says its response varies on (RSC requests from HTML)", async () => {
    await get("/api/v");
    await get("/api/v", { rsc: "1" });
    await get("/api/v", { rsc: "1" });
    expect(renders.get("/api/v")).toBe(2);
  });

  it("never lets a browser keep React's payloads, which the admin's prefetches of public pages fetch", async () => {
    for (const cookie of ["", "venetic_session=abc"]) {
      for (let i = 0; i < 2; i += 1) {
        const payload = await get("/sources", { rsc: "1", Cookie: cookie });
        expect(payload.headers["content-type"]).toBe("text/x-component");
        expect(payload.headers["cache-control"]).toBe("private, no-store");
      }
    }
    expect((await get("/sources")).headers["cache-control"]).toBe("s-maxage=60, stale-while-revalidate=31535940");
  });

  it("serves what a handler ends, even one that waits for the response to be sent before it returns", async () => {
    expect((await get("/robots.txt")).body.toString()).toBe("User-agent: *\n");
    expect((await get("/robots.txt")).headers["x-cache"]).toBe("HIT");
  });

  it("does not leave later readers waiting on a render whose reader went away before it ended", async () => {
    const gone = new Promise<void>((resolve) => {
      const request = httpRequest({ port, host: "127.0.0.1", path: "/abandoned" });
      request.on("error", () => resolve());
      request.end();
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 50);
    });
    await gone;
    const later = await get("/abandoned");
    expect(later.status).toBe(200);
    expect(later.body.toString()).toBe(SENT);
    expect(renders.get("/abandoned")).toBe(2);
  });

  it("answers HEAD with the headers of the page and no body", async () => {
    const head = await get("/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toHaveLength(0);
    expect((await get("/")).body.toString()).toBe(SENT);
    expect(renders.get("/")).toBe(1);
  });

  it("never keeps a response that sets a cookie, nor one that is not a 200", async () => {
    await get("/cookie");
    const again = await get("/cookie");
    expect(again.headers["set-cookie"]).toEqual(["a=b"]);
    expect(renders.get("/cookie")).toBe(2);
    await get("/missing");
    expect((await get("/missing")).status).toBe(404);
    expect(renders.get("/missing")).toBe(2);
  });

  it("never answers a signed-in editor from what readers get, nor keeps what the editor gets", async () => {
    await get("/");
    expect((await get("/", { Cookie: "theme=dark; venetic_session=abc" })).headers["x-cache"]).toBe("BYPASS");
    await get("/", { Cookie: "venetic_session=abc" });
    expect(renders.get("/")).toBe(3);
    await get("/");
    expect(renders.get("/")).toBe(3);
  });

  it("lets a fault in the app reach the server's own 500, and keeps nothing of it", async () => {
    const trust = parseTrustedProxies("");
    if (!trust.ok) throw new Error(trust.message);
    const faulty = createAppServer(
      withServingCache(() => {
        throw new Error("a fault inside the app");
      }),
      trust.trust,
    );
    faulty.listen(0, "127.0.0.1");
    await once(faulty, "listening");
    const logged = vi.mocked(console.error).mockImplementation(() => {});
    try {
      const answer = await fetch(`http://127.0.0.1:${(faulty.address() as AddressInfo).port}/`);
      expect(answer.status).toBe(500);
      expect(await answer.text()).toContain("Something went wrong on our side.");
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: "a fault inside the app" }));
    } finally {
      await new Promise<void>((resolve) => faulty.close(() => resolve()));
    }
  });

  it("leaves the admin and the change endpoints to Next, every time", async () => {
    await get("/admin/login");
    await get("/admin/login");
    expect(renders.get("/admin/login")).toBe(2);
  });

  it("answers 503 with Retry-After, rather than queueing, when too many figure searches render at once", async () => {
    const running = Array.from({ length: MAX_QUERY_RENDERS }, (_, index) => get(`/figures?q=${index}`));
    await untilHeld(MAX_QUERY_RENDERS);
    const refused = await get("/figures?q=busy");
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("2");
    expect(refused.headers["cache-control"]).toBe("no-store");
    while (held.length) held.shift()!();
    expect((await Promise.all(running)).every((answer) => answer.status === 200)).toBe(true);
    // A search already kept is answered without waiting for the render in progress.
    expect((await get("/figures?q=0")).headers["x-cache"]).toBe("HIT");
  });

  it("lets a search asked while another renders wait for it, when it ends within the pause, rather than refuse it", async () => {
    const first = get("/figures?q=first");
    await untilHeld(1);
    const started = Date.now();
    const second = get("/figures?q=second");
    await new Promise((resolve) => setTimeout(resolve, REFUSAL_PAUSE_MS / 3));
    held.shift()!();
    // The second renders once the first has ended, in its place.
    await untilHeld(1);
    held.shift()!();
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
    expect(Date.now() - started).toBeLessThan(REFUSAL_PAUSE_MS * 2);
  });

  it("counts a chart asked for as the record stood among those renders, and never the live chart", async () => {
    const running = get("/charts/uk-totals?at=42");
    await untilHeld(1);
    expect((await get("/charts/uk-totals?at=43")).status).toBe(503);
    expect((await get("/charts/uk-totals/as-at?at=43")).status).toBe(503);
    expect((await get("/figures?q=while-a-chart-renders")).status).toBe(503);
    expect((await get("/charts/uk-totals")).status).toBe(200);
    held.shift()!();
    expect((await running).status).toBe(200);
  });

  it("answers a client walking the searches faster than any reader with 503s, after a pause, and readers of other pages at once", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the bucket is full again
    const first = get("/figures?q=kept");
    await untilHeld(1);
    held.shift()!();
    expect((await first).status).toBe(200);
    const started = Date.now();
    const timed = (answer: Promise<Answer>) => answer.then((done) => ({ ...done, after: Date.now() - started }));
    const burst = Promise.all(Array.from({ length: QUERY_PAGES_PER_SECOND + 5 }, () => timed(get("/figures?q=kept"))));
    const page = await timed(get("/"));
    const answers = await burst;
    // The first answer took one; the refill while the rest arrive may give back one or two.
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(answers.length - refused.length).toBeGreaterThanOrEqual(QUERY_PAGES_PER_SECOND - 1);
    expect(
      refused.every((answer) => answer.headers["retry-after"] === "2" && answer.after >= REFUSAL_PAUSE_MS - 20),
    ).toBe(true);
    expect(page.status).toBe(200);
    expect(page.after).toBeLessThan(REFUSAL_PAUSE_MS);

    await new Promise((resolve) => setTimeout(resolve, (2 * 1000) / QUERY_PAGES_PER_SECOND));
    expect((await get("/figures?q=kept")).status).toBe(200);
  });
});

describe("what a client's headers may say", () => {
  it("chooses an encoding for any Accept-Encoding, and never one the client refused", () => {
    fc.assert(
      fc.property(fc.string(), (accept) => {
        const chosen = chooseEncoding(accept);
        expect(["br", "gzip", "identity"]).toContain(chosen);
      }),
    );
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding(undefined)).toBe("identity");
  });

  it("keys a query the same in any order of its parameters", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 5 }), (pairs) => {
        const query = (list: [string, string][]) => `/figures?${new URLSearchParams(list).toString()}`;
        expect(normalisedTarget(query(pairs)).key).toBe(normalisedTarget(query([...pairs].reverse())).key);
      }),
    );
  });
});

describe("the hashes of a page's inline scripts", () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("base64");

  it("reads a JSON-LD block as one element whatever its text holds, so no text in it is ever named as a script", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom("</script>", "</SCRIPT >", "<!--", "<script>alert(1)</script>"),
        (text, hostile) => {
          const dataset = jsonForScript({ "@type": "Dataset", name: `${text}${hostile}${text}` });
          const html = `<script type="application/ld+json">${dataset}</script><p>${hostile.replace(/</g, "&lt;")}</p><script>boot()</script>`;
          // The data block is never run; naming it is harmless, and every script that runs is named.
          expect(inlineScriptHashes(html)).toEqual([sha(dataset), sha("boot()")]);
          expect(inlineScriptHashes(html)).not.toContain(sha("alert(1)"));
        },
      ),
    );
  });
});
