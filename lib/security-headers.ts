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

export function securityHeaders(): HeaderRule[] {
  return [
    {
      source: "/:path*",
      headers: [
        ...everywhere,
        { key: "X-Frame-Options", value: "DENY" },
        {
          key: "Content-Security-Policy",
          value: "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'",
        },
      ],
    },
  ];
}
