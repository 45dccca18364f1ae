import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { connect, type Connection } from "@/lib/db/connect";
import { setDatabase } from "@/lib/db";
import { cloneDatabase, dropDatabase, withDatabase } from "./databases";

/**
 * A database of this test file's own, already migrated: a PGlite loaded from the run's dump, or a copy of the run's
 * template database on the real server when DATABASE_URL is set. It also becomes the app's process-wide database,
 * so route handlers called by the test use it.
 */
export async function openTestDatabase(): Promise<Connection & { url: string | null }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = await cloneDatabase(url, inject("templateDatabase"));
    const fileUrl = withDatabase(url, name);
    const connection = await connect(fileUrl, { poolSize: 20 });
    setDatabase(connection);
    return {
      ...connection,
      url: fileUrl,
      close: async () => {
        await connection.close();
        await dropDatabase(url, name);
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const schema = await import("@/lib/db/schema");
  const dump = new Blob([readFileSync(inject("pgliteDump"))]);
  const client = await PGlite.create({ loadDataDir: dump });
  const connection: Connection = {
    db: drizzle(client, { schema }) as unknown as Connection["db"],
    driver: "pglite",
    close: () => client.close(),
  };
  setDatabase(connection);
  return { ...connection, url: null };
}
