/**
 * The HTTP headers every response carries, set in this one place (next.config.ts applies them).
 */
type HeaderRule = { source: string; headers: { key: string; value: string }[] };

const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

/** Everything but the embeds refuses to be shown inside another site's frame. */
const refuseFraming = [
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Content-Security-Policy",
    value: "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'",
  },
];

export function securityHeaders(): HeaderRule[] {
  return [
    { source: "/:path*", headers: everywhere },
    { source: "/:path((?!embed/).*)", headers: refuseFraming },
    // Embeds exist to be framed by any article, anywhere.
    {
      source: "/embed/:slug",
      headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *; object-src 'none'; base-uri 'none'" }],
    },
    // The editors' admin, listed last so that its rules win whatever the rules above become:
    // never cached (pages show signed-in data), never indexed, never framed (clickjacking).
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
