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
  // Only the browser tests' build skips the type check (playwright.config.ts): whoever runs
  // `npm test` has just run `npm run typecheck`, the same check, route types included
  // (decision 0025). Every other build, `npm run build` and `npm start`'s, keeps it.
  typescript: { ignoreBuildErrors: process.env.BUILD_WITHOUT_TYPE_CHECK === "1" },
  async headers() {
    return securityHeaders();
  },
};

export default nextConfig;
