import { env } from "@/lib/env.server";

/** The public address of the site, for links that leave it: embed code, oEmbed, canonical links. */
export function siteUrl(): string {
  const config = env();
  return (config.SITE_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, "");
}

/** Where this server can reach itself, given the address it listens on. */
export function selfAddress(hostname: string | undefined): string {
  if (!hostname || hostname === "0.0.0.0") return "127.0.0.1";
  if (hostname === "::") return "[::1]";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}
