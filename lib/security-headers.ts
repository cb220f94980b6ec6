/**
 * The HTTP headers every response carries, and every Content-Security-Policy the site sends,
 * defined in this one place. next.config.ts applies the fixed rules; the two policies that
 * change per response are applied where the response is made: the admin's, with a fresh nonce
 * per request, by proxy.ts; an embed's, with the hashes of its own inline scripts, by its route.
 * Why the public pages allow inline scripts: docs/decisions/0011-content-security-policy.md.
 */
type Header = { key: string; value: string };
type HeaderRule = { source: string; headers: Header[] };

/** `next dev` evaluates code for its error overlay and fast refresh; a production build never does. */
const devScripts = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";

const everywhere: Header[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

function policy(scripts: string, framedBy: string): string {
  return [
    "default-src 'self'",
    `script-src ${scripts}${devScripts}`,
    // Inline style attributes come from React and Recharts (tooltip positions, chart sizes).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${framedBy}`,
  ].join("; ");
}

/**
 * A public page's policy names the hashes of its own inline scripts (Next's bootstrap differs per
 * page), computed once when the page is kept by lib/http/serving-cache.server.ts (decision 0011).
 */
export function publicPagePolicy(scriptHashes: string[]): string {
  return policy(`'self'${scriptHashes.map((hash) => ` 'sha256-${hash}'`).join("")}`, "'none'");
}

/**
 * What next.config.ts sends on public responses before the serving layer replaces it on HTML: no
 * inline script at all. `next dev` is served without that layer, so its pages allow their own.
 */
const PUBLIC_DEFAULT_POLICY = policy(
  process.env.NODE_ENV === "development" ? "'self' 'unsafe-inline'" : "'self'",
  "'none'",
);

/** The admin renders per request anyway, so its scripts run only with this request's nonce. */
export function adminPolicy(nonce: string): string {
  return policy(`'nonce-${nonce}' 'strict-dynamic'`, "'none'");
}

/**
 * An embed's few inline scripts are ours and fixed, so the policy names them by hash. Embeds exist
 * to be framed by any article, anywhere; a held change's private preview of one (under /admin) by none.
 */
export function embedHeaders(scriptHashes: string[], framedBy: "*" | "'none'" = "*"): Record<string, string> {
  const hashes = scriptHashes.map((hash) => ` 'sha256-${hash}'`).join("");
  return { "Content-Security-Policy": policy(`'self'${hashes}`, framedBy) };
}

/** Refusing to be framed by another site, for browsers that predate frame-ancestors too. */
const refuseFraming: Header[] = [{ key: "X-Frame-Options", value: "DENY" }];

export function securityHeaders(): HeaderRule[] {
  return [
    { source: "/:path*", headers: everywhere },
    // Everything but the embeds (whose route sets their policy) and the admin (proxy.ts does).
    {
      source: "/:path((?!embed/|admin(?:/|$)).*)",
      headers: [...refuseFraming, { key: "Content-Security-Policy", value: PUBLIC_DEFAULT_POLICY }],
    },
    // The editors' admin: never cached (pages show signed-in data), never indexed, never framed.
    {
      source: "/admin/:path*",
      headers: [
        { key: "Cache-Control", value: "no-store" },
        { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ...refuseFraming,
      ],
    },
  ];
}
