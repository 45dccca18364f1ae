import "server-only";
import path from "node:path";
import type { Connection } from "./connect";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

/**
 * A folder of drizzle-kit migrations and the table that records which of them ran (default: the app's,
 * drizzle.__drizzle_migrations). The local executor keeps its own (inngest/local/migrations.ts).
 */
export interface MigrationSet {
  migrationsFolder: string;
  migrationsSchema?: string;
  migrationsTable?: string;
}

export const APP_MIGRATIONS: MigrationSet = { migrationsFolder: MIGRATIONS_FOLDER };

/** Apply a set of committed drizzle-kit migrations (the app's by default) with the migrator of the connection's driver. */
export async function migrateDatabase(
  connection: Connection,
  migrations: MigrationSet = APP_MIGRATIONS,
): Promise<void> {
  switch (connection.driver) {
    case "pglite": {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(connection.db as never, migrations);
      return;
    }
    case "neon": {
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      await migrate(connection.db as never, migrations);
      return;
    }
    case "pg": {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(connection.db as never, migrations);
      return;
    }
  }
}
