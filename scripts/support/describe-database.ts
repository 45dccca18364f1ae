import path from "node:path";
import { DEFAULT_PGLITE_DIR, driverFor } from "@/lib/db/connect";

/** Where a script is about to work, for its output: the driver and the target, with any password hidden. */
export function describeDatabase(url = process.env.DATABASE_URL): string {
  const driver = driverFor(url);
  if (!url)
    return `embedded PGlite at ${path.resolve(process.env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR)}`;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return `${driver === "neon" ? "Neon serverless" : "node-postgres"} at ${parsed.toString()}`;
}
