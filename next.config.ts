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
  async headers() {
    return securityHeaders();
  },
};

export default nextConfig;
