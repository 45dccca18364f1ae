/**
 * The executor calls `/api/inngest` for every step of every run; in development those calls would drown the page
 * requests and errors in the terminal. `DEBUG=subflow:executor` (or `subflow:*`) shows them again; the runs page
 * (`/admin/dev/runs`) always has them.
 */
const showExecutorCalls = (process.env.DEBUG ?? "")
  .split(",")
  .some((name) => ["*", "subflow:*", "subflow:executor"].includes(name.trim()));

/** @type {import('next').NextConfig} */
const nextConfig = {
  logging: { incomingRequests: showExecutorCalls ? true : { ignore: [/^\/api\/inngest(\?|$)/] } },
  // PGlite loads its WASM and data files, and pdfkit its font metrics (the standard fonts' .afm files), from their
  // package directories at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
