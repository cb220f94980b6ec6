import { NextResponse, type NextRequest } from "next/server";
import { isSameOrigin } from "@/lib/auth/origin";

/**
 * The admin's forms post only from the admin's own pages. Next answers a server action with a
 * foreign Origin with a bare 500 and lets one without Origin through; this answers both with a
 * plain 403 first. It is a first line only: every action checks the origin and the session again
 * itself (lib/auth/request.ts, lib/admin/guard.ts).
 */
export function proxy(request: NextRequest) {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (request.method === "POST" && !isSameOrigin(request.headers.get("origin"), host)) {
    return new NextResponse("Nothing was changed: forms must be sent from this site's own pages.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin/:path*"] };
