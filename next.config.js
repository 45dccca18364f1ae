/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its package directory at run time: keep it out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
