import "server-only";
import path from "node:path";
import type { Connection } from "./connect";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

/** Apply the committed drizzle-kit migrations with the migrator of the connection's driver. */
export async function migrateDatabase(
  connection: Connection,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<void> {
  const config = { migrationsFolder };
  switch (connection.driver) {
    case "pglite": {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(connection.db as never, config);
      return;
    }
    case "neon": {
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      await migrate(connection.db as never, config);
      return;
    }
    case "pg": {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(connection.db as never, config);
      return;
    }
  }
}
