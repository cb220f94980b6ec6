import { malformedQuery } from "@/lib/request-limits";

/**
 * What the server checks before Next.js sees a request (lib/http/app-server.server.ts). Next's own layers
 * answer some requests with a bare 500 (TRACE, a POST to a static file, a path that is not
 * valid percent-encoding, an odd Range) before any route or proxy.ts runs; these checks answer
 * them first, with a status that says what is wrong and a line of text that says it to a person.
 */

export type Refusal = { status: number; message: string; headers?: Record<string, string> };

type Route = { path: RegExp; methods: readonly string[] };

const READ = ["GET", "HEAD", "OPTIONS"] as const;

/**
 * Which methods each kind of address serves. The first match wins; the last matches every
 * address that is left: a page (or a page that does not exist, whose 404 Next renders).
 */
const ROUTES: Route[] = [
  // The admin's forms post to their own pages (server actions).
  { path: /^\/admin(?:\/|$)/, methods: ["GET", "HEAD", "POST"] },
  { path: /^\/api\/revalidate$/, methods: ["POST"] },
  { path: /^\/api\/health$/, methods: ["GET", "HEAD"] },
  { path: /^\/api\//, methods: READ },
  { path: /^\/_next\//, methods: READ },
  { path: /^\/[^/]+\.(?:js|txt|svg|ico|png|json|xml|webmanifest)$/, methods: READ },
];
const PAGE_METHODS = ["GET", "HEAD"] as const;

export function allowedMethods(pathname: string): readonly string[] {
  return ROUTES.find((route) => route.path.test(pathname))?.methods ?? PAGE_METHODS;
}

const BAD_PATH =
  "The address is not valid: each % sign must be followed by two hexadecimal digits, and together they must spell UTF-8 text.";

const DOT_SEGMENTS = 'The address is not valid: it may not contain "." or ".." segments, backslashes or NUL.';

/** Why the request cannot be served at all, or null to hand it on. */
export function checkRequest(method: string, target: string, options: { dev?: boolean } = {}): Refusal | null {
  if (!target.startsWith("/")) return { status: 400, message: "The request must name an address on this site." };
  const queryStart = target.indexOf("?");
  const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
  const search = queryStart === -1 ? "" : target.slice(queryStart);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, message: BAD_PATH };
  }
  // Next resolves "." and ".." (also encoded) after these checks, which would let
  // "POST /admin/../robots.txt" past the method table: no address of ours has them.
  if (/(^|\/)\.\.?(\/|$)/.test(decoded) || /[\\\u0000]/.test(decoded)) {
    return { status: 400, message: DOT_SEGMENTS };
  }
  const badQuery = malformedQuery(search);
  if (badQuery) return { status: 400, message: badQuery };

  // `next dev` serves its error overlay and tools under /__nextjs*, some of them by POST.
  if (options.dev && pathname.startsWith("/__nextjs")) return null;
  const methods = allowedMethods(pathname);
  const allow = methods.join(", ");
  if (method === "OPTIONS" && methods.includes("OPTIONS")) {
    return { status: 204, message: "", headers: { Allow: allow } };
  }
  if (!methods.includes(method)) {
    return {
      status: 405,
      message: `This address answers ${methods.join(", ").replace(/, (?=[^,]*$)/, " and ")} requests, not ${method.slice(0, 20)}.`,
      headers: { Allow: allow },
    };
  }
  return null;
}

/**
 * Headers removed before Next.js reads the request. Range: Next's static file server answers
 * some malformed or unsatisfiable ranges with a 500; every file here is small, and a server may
 * always answer a range request with the whole file (RFC 9110, 14.2).
 */
export const IGNORED_REQUEST_HEADERS = ["range", "if-range"] as const;

/** The header that carries the client's address, as the server decided it, to the app. */
export const CLIENT_ADDRESS_HEADER = "x-venetic-client-address";

/**
 * Set in the environment of a process whose requests all pass the front door: only there is
 * CLIENT_ADDRESS_HEADER the server's word rather than the client's (plain `next start` would
 * pass a client's own copy through).
 */
export const FRONT_DOOR_ENV = "VENETIC_FRONT_DOOR";
