import type { NextConfig } from "next";
import { MAX_FORM_BYTES } from "./lib/request-limits";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The app's server compresses each kept response once (lib/http/serving-cache.server.ts).
  compress: false,
  reactStrictMode: true,
  // Native modules (the SQLite driver, the PNG renderer) are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@resvg/resvg-js"],
  experimental: { serverActions: { bodySizeLimit: MAX_FORM_BYTES } },
  // A chart as the record stood (`/charts/<chart>?at=…`, docs/decisions/0021) is a page of its own,
  // so that the chart's page stays kept whole by Next's cache. Every other value of `at` goes to one
  // address that says it could not be read, so that made-up values do not each take a cache entry.
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: "/charts/:slug",
          has: [{ type: "query", key: "at", value: "(?<at>\\d{1,10}|\\d{4}-\\d{2}-\\d{2})" }],
          destination: "/charts/:slug/as-at/:at",
        },
        {
          source: "/charts/:slug",
          has: [{ type: "query", key: "at", value: "(?<any>.+)" }],
          destination: "/charts/:slug/as-at/unreadable",
        },
      ],
    };
  },
  async headers() {
    return securityHeaders();
  },
};

export default nextConfig;
