import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { SESSION_COOKIE } from "@/lib/auth/sessions.server";
import { publicPagePolicy } from "@/lib/security-headers";
import type { RequestHandler } from "./app-server.server";
import { readerPage } from "./reader-page";

/**
 * Public GET and HEAD requests answered from responses kept ready (docs/decisions/0017): Next
 * renders an address once; this keeps the response, compressed once with gzip and brotli, with a
 * strong ETag, and answers later requests for it without Next, until the record changes
 * (`clearServedResponses`, called by lib/revalidate.server.ts on every instance). HTML pages are
 * sent without Next's client runtime (./reader-page.ts) and get their Content-Security-Policy here,
 * naming the hashes of their own inline scripts, computed once.
 */

/** What the cache may hold, in bytes, counting every encoding of every response. */
const MAX_BYTES = 64 * 1024 * 1024;
/** A larger response is sent but not kept: it would push out many pages for one file. */
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
/** Kept at most this long even when nothing changes, for text that reads the clock ("30 days ago"). */
const MAX_AGE_MS = 5 * 60 * 1000;
/** Smaller bodies are sent as they are: compressing them saves less than the headers weigh. */
const COMPRESS_FROM_BYTES = 1024;
/**
 * Pages rendered per query (a search of the figures table) at once; more get a 503, not a queue.
 * One: a render holds the one thread that also answers every other reader (measured, 0017).
 */
export const MAX_QUERY_RENDERS = 1;
/**
 * Searches of the figures table answered per second, kept or rendered, with as many again in a
 * burst: far more than any reader types, and at most about half the thread when each is a render
 * (a render of a search costs some 25 ms here). Beyond it a client walking every filter gets 503s.
 */
export const QUERY_PAGES_PER_SECOND = 20;
/**
 * A refused search is answered after this pause, costing the thread nothing meanwhile: a client
 * that asks again the moment it is refused would otherwise take the thread with its refusals. A
 * search that finds the renders taken waits this long for one to end before it is refused.
 */
export const REFUSAL_PAUSE_MS = 300;
/** Searches waiting for a render to end; more are refused after the pause without waiting. */
const MAX_WAITING_SEARCHES = 4;

type Encoding = "br" | "gzip" | "identity";

type Served = {
  status: number;
  headers: OutgoingHttpHeaders;
  bodies: Partial<Record<Encoding, Buffer>>;
  etag: string;
  storedAt: number;
  bytes: number;
};

type Store = {
  entries: Map<string, Served>;
  /** The request headers each address's responses vary on, as Next's `Vary` says (besides encoding). */
  varies: Map<string, string[]>;
  bytes: number;
  /** Moves on every clear: a render that began before a change is not kept after it. */
  generation: number;
  queryRenders: number;
  /** Searches waiting for a render to end, first come first served: each is handed the render's place. */
  waiting: (() => void)[];
  /** The searches that may be answered now, refilled with time (a token bucket). */
  queryTokens: number;
  queryTokensAt: number;
  /** Renders in progress for readers, by key: a reader asking for the same address waits for it. */
  pending: Map<string, Promise<Served | null>>;
};

// On globalThis: the server's module and Next's route bundles (which clear it) are loaded apart.
const holder = globalThis as unknown as { veneticServed?: Store };
const store: Store = (holder.veneticServed ??= {
  entries: new Map(),
  varies: new Map(),
  bytes: 0,
  generation: 0,
  queryRenders: 0,
  waiting: [],
  queryTokens: QUERY_PAGES_PER_SECOND,
  queryTokensAt: Date.now(),
  pending: new Map(),
});

/** Forgets every kept response: the record has changed. */
export function clearServedResponses(): void {
  // A render in progress began before the change: nobody asking from now on may wait for it.
  store.pending.clear();
  store.entries.clear();
  store.varies.clear();
  store.bytes = 0;
  store.generation += 1;
}

/** Addresses never kept or changed here: the admin, the change endpoints, `next dev`'s own tools. */
const PASS_THROUGH = /^\/(?:admin(?:\/|$)|api\/revalidate$|api\/health$|__nextjs)/;

const SESSION = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);

function signedIn(request: IncomingMessage): boolean {
  const cookie = request.headers.cookie;
  return typeof cookie === "string" && SESSION.test(cookie);
}

/** The encoding to send: the best the client accepts (q=0 refuses one), of those available. */
export function chooseEncoding(accept: string | undefined, available: Encoding[] = ["br", "gzip"]): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? "").toLowerCase().split(",")) {
    const [name, ...parameters] = part.trim().split(";");
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get("*");
  const quality = (encoding: string) => accepted.get(encoding) ?? wildcard ?? 0;
  for (const encoding of available) if (quality(encoding) > 0) return encoding;
  return "identity";
}

/** The query's parameters in order, so that `?a=1&b=2` and `?b=2&a=1` are one page. */
export function normalisedTarget(url: string): { pathname: string; key: string; hasQuery: boolean } {
  const queryStart = url.indexOf("?");
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  const params = new URLSearchParams(queryStart === -1 ? "" : url.slice(queryStart + 1));
  const sorted = [...params.entries()].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  const query = new URLSearchParams(sorted).toString();
  return { pathname, key: query ? `${pathname}?${query}` : pathname, hasQuery: sorted.length > 0 };
}

/**
 * Pages rendered for each query, whose addresses a crawler can make without end: searches of the
 * figures table, and a chart as the record stood (`/charts/<chart>?at=`, rendered by ./as-at).
 */
function rendersPerQuery(pathname: string, hasQuery: boolean): boolean {
  return (
    (hasQuery && (pathname === "/figures" || /^\/charts\/[^/]+$/.test(pathname))) ||
    /^\/charts\/[^/]+\/as-at$/.test(pathname)
  );
}

function entryKey(request: IncomingMessage, target: string, vary: string[]): string {
  return [target, ...vary.map((name) => `${name}:${String(request.headers[name] ?? "")}`)].join("\n");
}

/** The SHA-256 (base64) of each inline script of an HTML page, for its policy. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.add(createHash("sha256").update(match[1]!, "utf8").digest("base64"));
  }
  return [...hashes];
}

type Captured = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

/** The client closed the connection before the response was whole. */
class ClientGone extends Error {}

/**
 * Runs Next's handler with the response held back: its status, headers and body are collected
 * instead of sent, so that they can be kept, compressed and given their policy first.
 */
async function capture(handle: RequestHandler, request: IncomingMessage, response: ServerResponse): Promise<Captured> {
  const chunks: Buffer[] = [];
  const original = {
    writeHead: response.writeHead,
    write: response.write,
    end: response.end,
    flushHeaders: response.flushHeaders,
  };
  // Nothing reaches the client until the whole response is here.
  response.flushHeaders = () => {};
  let status = 200;
  const done = new Promise<void>((resolve, reject) => {
    // A reader who goes away before Next has ended (a navigation elsewhere) may leave a static
    // file's stream never ended: nothing is captured then, and nobody waits for it.
    response.once("close", () => reject(new ClientGone()));
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    response.writeHead = function (code: number, ...rest: unknown[]) {
      status = code;
      const headers = rest.find((item) => typeof item === "object" && item !== null) as
        OutgoingHttpHeaders | string[] | undefined;
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) response.setHeader(headers[i]!, headers[i + 1]!);
      } else if (headers) {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
      }
      return response;
    } as ServerResponse["writeHead"];
    response.write = function (chunk: unknown, encoding?: unknown, callback?: unknown) {
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
      const done = [encoding, callback].find((item) => typeof item === "function") as (() => void) | undefined;
      done?.();
      return true;
    } as ServerResponse["write"];
    response.end = function (chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
      const finished = [chunk, encoding, callback].find((item) => typeof item === "function") as
        (() => void) | undefined;
      finished?.();
      resolve();
      return response;
    } as ServerResponse["end"];
  });
  // Observed here so that a reader leaving after the capture (or after Next threw) is no fault.
  done.catch(() => {});
  try {
    // Next may wait for the response's "finish" (its static files do), which comes only once the
    // response is really sent, after this: what it ended is enough.
    const handling = (async () => handle(request, response))();
    await Promise.race([done, handling.then(() => done)]);
  } finally {
    // Also when Next throws: the server's own 500 must reach the client.
    Object.assign(response, original);
  }
  if (response.statusCode && status === 200) status = response.statusCode;
  const headers = response.getHeaders();
  // What is sent is decided afresh from these: none of Next's may slip out beside them.
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  return { status, headers, body: Buffer.concat(chunks) };
}

const COMPRESSIBLE =
  /^(?:text\/|application\/(?:json|javascript|xml|atom\+xml|ld\+json|manifest\+json)|image\/svg\+xml)/;

function compressible(headers: OutgoingHttpHeaders, body: Buffer): boolean {
  return (
    body.length >= COMPRESS_FROM_BYTES &&
    headers["content-encoding"] === undefined &&
    COMPRESSIBLE.test(String(headers["content-type"] ?? ""))
  );
}

function encode(encoding: Encoding, body: Buffer): Buffer {
  if (encoding === "br") {
    return brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
  }
  return encoding === "gzip" ? gzipSync(body, { level: 6 }) : body;
}

/** The request headers a response's Vary names, as written. */
function varyNames(headers: OutgoingHttpHeaders): string[] {
  return String(headers.vary ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Vary, with Accept-Encoding added for a body sent in more than one encoding. */
function varyWith(headers: OutgoingHttpHeaders, encoded: boolean): string | undefined {
  const names = varyNames(headers);
  if (encoded && !names.some((name) => name.toLowerCase() === "accept-encoding")) names.push("Accept-Encoding");
  return names.length ? names.join(", ") : undefined;
}

/** The response as it is sent: HTML pages with their own policy, the encodings worked out once. */
function prepare(captured: Captured, pathname: string, keepEncodings: boolean): Served {
  const headers: OutgoingHttpHeaders = { ...captured.headers };
  delete headers["content-length"];
  delete headers["transfer-encoding"];
  delete headers.etag;
  const contentType = String(headers["content-type"] ?? "");
  const isHtml = contentType.startsWith("text/html");
  // React's payloads, which only the admin's links fetch (readers' pages have no runtime), are kept
  // here and never by the browser. Chromium makes a second identical request wait while the first
  // is written to its cache, and Next's router leaves prefetched bodies unread: every prefetch of a
  // public page issued again after a save stalled for some 26 s.
  if (contentType.startsWith("text/x-component")) headers["cache-control"] = "private, no-store";
  let body = captured.body;
  // Embeds are rendered outside Next and set their policy themselves (lib/security-headers.ts).
  if (isHtml && !pathname.startsWith("/embed/")) {
    const page = readerPage(body.toString("utf8"));
    body = Buffer.from(page, "utf8");
    headers["content-security-policy"] = publicPagePolicy(inlineScriptHashes(page));
  }
  const bodies: Served["bodies"] = { identity: body };
  const canCompress = compressible(headers, body);
  if (canCompress && keepEncodings) {
    bodies.br = encode("br", body);
    bodies.gzip = encode("gzip", body);
  }
  const vary = varyWith(headers, canCompress);
  if (vary) headers.vary = vary;
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  return {
    status: captured.status,
    headers,
    bodies,
    etag: hash,
    storedAt: Date.now(),
    bytes: Object.values(bodies).reduce((sum, one) => sum + one.length, 0),
  };
}

type Asked = { method: string; acceptEncoding: string | undefined; ifNoneMatch: string | undefined };

/**
 * Says where a response came from, as nginx's `$upstream_cache_status` does: HIT (kept), MISS
 * (rendered now, and kept if it may be), BYPASS (rendered for a signed-in editor, never kept).
 */
export const CACHE_STATUS_HEADER = "x-cache";
type CacheStatus = "HIT" | "MISS" | "BYPASS";

function send(served: Served, asked: Asked, response: ServerResponse, status: CacheStatus): void {
  const encoding = compressible(served.headers, served.bodies.identity!)
    ? chooseEncoding(asked.acceptEncoding)
    : "identity";
  const body = (served.bodies[encoding] ??= encode(encoding, served.bodies.identity!));
  // A strong ETag names one representation: each encoding its own.
  const etag = `"${served.etag}${encoding === "identity" ? "" : `-${encoding === "br" ? "br" : "gz"}`}"`;
  const headers: OutgoingHttpHeaders = { ...served.headers, etag, [CACHE_STATUS_HEADER]: status };
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  const match = asked.ifNoneMatch;
  if (served.status === 200 && match?.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*")) {
    delete headers["content-type"];
    response.writeHead(304, headers);
    response.end();
    return;
  }
  headers["content-length"] = body.length;
  response.writeHead(served.status, headers);
  response.end(asked.method === "HEAD" ? undefined : body);
}

function keep(key: string, served: Served): void {
  const previous = store.entries.get(key);
  if (previous) store.bytes -= previous.bytes;
  store.entries.delete(key);
  store.entries.set(key, served);
  store.bytes += served.bytes;
  for (const [oldest, entry] of store.entries) {
    if (store.bytes <= MAX_BYTES) break;
    store.entries.delete(oldest);
    store.bytes -= entry.bytes;
  }
}

/**
 * Whether a response may be kept for other readers: a 200 without a cookie, and not Next's stale
 * copy (served while it renders again in the background). Next marks per-request pages no-store for
 * browsers and CDNs; here they may be kept, since every change clears what is kept at once.
 */
function cacheable(captured: Captured): boolean {
  return (
    captured.status === 200 &&
    captured.body.length <= MAX_ENTRY_BYTES &&
    captured.headers["set-cookie"] === undefined &&
    String(captured.headers["x-nextjs-cache"] ?? "").toUpperCase() !== "STALE"
  );
}

/** Takes one search from the bucket, refilled at QUERY_PAGES_PER_SECOND; false when it is empty. */
function takeQueryToken(): boolean {
  const now = Date.now();
  const refilled = ((now - store.queryTokensAt) / 1000) * QUERY_PAGES_PER_SECOND;
  store.queryTokens = Math.min(QUERY_PAGES_PER_SECOND, store.queryTokens + refilled);
  store.queryTokensAt = now;
  if (store.queryTokens < 1) return false;
  store.queryTokens -= 1;
  return true;
}

/**
 * A place among the renders of searches: "taken" at once when one is free, or when a render that
 * ends within the pause hands its place over; "waited" when none came in the pause; "full" when
 * too many already wait, without waiting.
 */
function takeRenderPlace(): Promise<"taken" | "waited" | "full"> {
  if (store.queryRenders < MAX_QUERY_RENDERS) {
    store.queryRenders += 1;
    return Promise.resolve("taken");
  }
  if (store.waiting.length >= MAX_WAITING_SEARCHES) return Promise.resolve("full");
  return new Promise((resolve) => {
    const handOver = () => {
      clearTimeout(timer);
      resolve("taken");
    };
    const timer = setTimeout(() => {
      store.waiting.splice(store.waiting.indexOf(handOver), 1);
      resolve("waited");
    }, REFUSAL_PAUSE_MS);
    store.waiting.push(handOver);
  });
}

/** The place goes to the search waiting longest, if any: it is never free for a newcomer to take first. */
function releaseRenderPlace(): void {
  const next = store.waiting.shift();
  if (next) next();
  else store.queryRenders -= 1;
}

function busy(response: ServerResponse, method: string, pauseMs = REFUSAL_PAUSE_MS): void {
  const body = "The server is busy with many searches of the figures. Try again in a few seconds.\n";
  setTimeout(() => {
    if (response.destroyed) return;
    response.writeHead(503, {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      "Retry-After": "2",
      "Cache-Control": "no-store",
    });
    response.end(method === "HEAD" ? undefined : body);
  }, pauseMs).unref();
}

/**
 * Wraps Next's request handler: public GET and HEAD requests are answered from kept responses
 * when there is one; otherwise Next renders, and the response is prepared, kept when it may be
 * (a 200 without a cookie, to a reader), and sent. Several requests for one address that is not
 * kept yet wait for one render.
 */
export function withServingCache(handle: RequestHandler): RequestHandler {
  return async (request, response) => {
    const method = request.method ?? "GET";
    const { pathname, key: target, hasQuery } = normalisedTarget(request.url ?? "/");
    if ((method !== "GET" && method !== "HEAD") || PASS_THROUGH.test(pathname)) return handle(request, response);
    const forReaders = !signedIn(request);
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(",") : value;
    };
    const asked: Asked = { method, acceptEncoding: header("accept-encoding"), ifNoneMatch: header("if-none-match") };
    const vary = store.varies.get(pathname) ?? [];
    const key = entryKey(request, target, vary);
    const perQuery = rendersPerQuery(pathname, hasQuery);
    if (perQuery && !takeQueryToken()) return busy(response, method);
    const kept = forReaders ? store.entries.get(key) : undefined;
    if (kept && Date.now() - kept.storedAt < MAX_AGE_MS) {
      store.entries.delete(key);
      store.entries.set(key, kept);
      return send(kept, asked, response, "HIT");
    }

    // Next compresses nothing here (next.config.ts): the encodings are made once, below. Next's
    // own conditional answers would be 304s without a body to keep.
    delete request.headers["accept-encoding"];
    delete request.headers["if-none-match"];
    delete request.headers["if-modified-since"];
    const waiting = forReaders ? store.pending.get(key) : undefined;
    if (waiting) {
      const served = await waiting;
      if (served) return send(served, asked, response, "HIT");
    }
    if (perQuery) {
      const place = await takeRenderPlace();
      // A search that waited for a place has had its pause.
      if (place !== "taken") return busy(response, method, place === "waited" ? 0 : REFUSAL_PAUSE_MS);
    }

    const generation = store.generation;
    const render = (async () => {
      try {
        // A HEAD is rendered as the GET it stands for, so that what is kept has a body.
        request.method = "GET";
        const captured = await capture(handle, request, response);
        const keepIt = forReaders && cacheable(captured);
        return { served: prepare(captured, pathname, keepIt), keepIt };
      } finally {
        if (perQuery) releaseRenderPlace();
      }
    })();
    const shared = render.then(
      ({ served, keepIt }) => (keepIt ? served : null),
      () => null,
    );
    if (forReaders) store.pending.set(key, shared);
    try {
      const rendered = await render.catch((error: unknown) => {
        if (error instanceof ClientGone) return null;
        throw error;
      });
      if (!rendered) return;
      const { served, keepIt } = rendered;
      if (keepIt && generation === store.generation) {
        // Encodings are chosen here, from one kept body: they are no part of the key.
        const varies = varyNames(served.headers)
          .map((name) => name.toLowerCase())
          .filter((name) => name !== "accept-encoding");
        store.varies.set(pathname, varies);
        keep(entryKey(request, target, varies), served);
      }
      send(served, asked, response, forReaders ? "MISS" : "BYPASS");
    } finally {
      if (store.pending.get(key) === shared) store.pending.delete(key);
    }
  };
}
