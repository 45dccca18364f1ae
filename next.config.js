import createNextIntlPlugin from "next-intl/plugin";

/**
 * The executor calls `/api/inngest` for every step of every run; in development those calls would drown the page
 * requests and errors in the terminal. `DEBUG=subflow:executor` (or `subflow:*`) shows them again; the runs page
 * (`/admin/dev/runs`) always has them.
 */
const showExecutorCalls = (process.env.DEBUG ?? "")
  .split(",")
  .some((name) => ["*", "subflow:*", "subflow:executor"].includes(name.trim()));

/**
 * The security headers of every response: pages, route handlers (/api included) and static files. HSTS in production
 * builds only: a browser ignores it over plain http (`next start` on localhost) and a development server on https
 * would pin the host. The Content-Security-Policy changes per request (its nonce): proxy.ts sets it.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  // Nothing here uses these; payments happen on the gateway's own page.
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()",
  },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/**
 * Route handlers under /api answer JSON, PDFs and next-auth's own small HTML pages, never a script: a fixed policy
 * that allows next-auth's inline styles and forms only. (The proxy does not run on /api: it would buffer every request
 * body first.)
 */
const apiContentSecurityPolicy = {
  key: "Content-Security-Policy",
  value:
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  logging: { incomingRequests: showExecutorCalls ? true : { ignore: [/^\/api\/inngest(\?|$)/] } },
  // PGlite loads its WASM and data files, and pdfkit its font metrics (the standard fonts' .afm files), from their
  // package directories at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [apiContentSecurityPolicy] },
    ];
  },
};

// next-intl reads its per-request configuration (the locale from the user, not the URL) from i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
