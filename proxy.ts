import { NextResponse, type NextRequest } from "next/server";
import { CHART_AS_AT_ASKED_HEADER, chartAsAtTarget } from "@/lib/as-at/chart-address";
import { isSameOrigin } from "@/lib/auth/origin";
import { oversizedForm } from "@/lib/request-limits";
import { isEmbedPreviewPath } from "@/lib/review/paths";
import { adminPolicy } from "@/lib/security-headers";

/**
 * Runs before the admin's pages and actions, and a chart's page asked for as the record stood,
 * only (see `config`), so that the cached public pages pay nothing for it. What every request
 * must pass (methods, readable addresses) is checked before Next.js, by the app's server
 * (lib/http/front-door.ts).
 */
export function proxy(request: NextRequest) {
  if (!request.nextUrl.pathname.startsWith("/admin")) return chartAsAt(request);
  // The admin's forms post only from the admin's own pages. Next answers a server action with a
  // foreign Origin with a bare 500 and lets one without Origin through; this answers both with a
  // 403 first. It is a first line only: every action checks the origin and the session again
  // itself (lib/auth/request.server.ts, lib/auth/guard.server.ts).
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (request.method === "POST" && !isSameOrigin(request.headers.get("origin"), host)) {
    return refuse(403, "Nothing was changed: forms must be sent from this site's own pages.");
  }
  const tooLarge = request.method === "POST" ? oversizedForm(request.headers.get("content-length")) : null;
  if (tooLarge) return refuse(request.headers.has("content-length") ? 413 : 411, tooLarge);

  if (isEmbedPreviewPath(request.nextUrl.pathname)) return NextResponse.next();
  // Every admin response gets a policy with a nonce of its own: Next reads it from the
  // request's header and puts it on each script it renders.
  const policy = adminPolicy(Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64"));
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** `/charts/<chart>?at=…` is rendered by the chart's page as the record stood (lib/as-at/chart-address.ts). */
function chartAsAt(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  const target = chartAsAtTarget(pathname, searchParams.get("at"));
  if (!target) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = target;
  const headers = new Headers(request.headers);
  headers.set(CHART_AS_AT_ASKED_HEADER, `${pathname}${search}`);
  return NextResponse.rewrite(url, { request: { headers } });
}

function refuse(status: number, message: string) {
  return new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export const config = {
  matcher: ["/admin/:path*", { source: "/charts/:slug", has: [{ type: "query", key: "at" }] }],
};
