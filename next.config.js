/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files, and pdfkit its font metrics (the standard fonts' .afm files), from their
  // package directories at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
