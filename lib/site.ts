import { env } from "@/lib/env";

/** The public address of the site, for links that leave it: embed code, oEmbed, canonical links. */
export function siteUrl(): string {
  const config = env();
  return (config.SITE_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, "");
}
