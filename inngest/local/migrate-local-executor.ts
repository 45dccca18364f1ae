import "server-only";
import type { Connection } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { LOCAL_EXECUTOR_MIGRATIONS } from "./migrations";

/**
 * Create or update the executor's schema (inngest_local) before it runs. Only the executor does this: production,
 * which runs on Inngest, applies the app's migrations alone and never has these tables.
 */
export async function migrateLocalExecutor(connection: Connection): Promise<void> {
  await migrateDatabase(connection, LOCAL_EXECUTOR_MIGRATIONS);
}
