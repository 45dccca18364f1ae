import { readFileSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { auditingTransactions, connect, type Connection } from "@/lib/db/connect";
import { setDatabase } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import * as schema from "@/lib/db/schema";
import { insertInitialEmailTopics } from "@/lib/email/consent/email-topics";
import { LOCAL_EXECUTOR_MIGRATIONS, LOCAL_EXECUTOR_SCHEMA } from "@/inngest/local/migrations";
import { cloneDatabase, withDatabase } from "./databases";

type TestDatabase = Connection & { url: string | null };

/**
 * The migrated database a worker keeps for every file it runs: a PGlite loaded once from the run's dump, or, when
 * DATABASE_URL is set, one copy of the run's template database on that server (dropped with the template after the
 * run). On globalThis, because the integration project resets modules between files (file-isolation.ts) while the
 * worker process, and this, stay.
 */
type WorkerDatabase = { driver: "pglite"; client: PGlite } | { driver: "server"; url: string };
const worker = globalThis as unknown as { subflowWorkerDatabase?: Promise<WorkerDatabase> };

async function openWorkerDatabase(): Promise<WorkerDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = await cloneDatabase(serverUrl, inject("templateDatabase"));
    return { driver: "server", url: withDatabase(serverUrl, name) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const dump = new Blob([readFileSync(inject("pgliteDump"))]);
  return { driver: "pglite", client: await PGlite.create({ loadDataDir: dump }) };
}

/**
 * The worker's database, emptied for this test file — every table of the app and the local executor truncated, and
 * the rows the migrations create put back (the email topics), as the migrations leave them, and
 * sequences restarted — so the file sees what a fresh copy would show (files create fixed catalog codes and count
 * rows, so they cannot share data). It also becomes the app's process-wide database, so route handlers
 * called by the test use it. Closing it ends the file's connections; the database stays for the worker's next file.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  worker.subflowWorkerDatabase ??= openWorkerDatabase();
  const workerDatabase = await worker.subflowWorkerDatabase;
  const connection: Connection =
    workerDatabase.driver === "server"
      ? await connect(workerDatabase.url, { poolSize: 20 })
      : {
          // Audited like the app's connection (lib/db/connect.ts), so staff changes reach audit_log.
          db: auditingTransactions(
            drizzle(workerDatabase.client, { schema }) as unknown as Connection["db"],
          ),
          driver: "pglite",
          close: async () => undefined,
        };
  await emptyAllTables(connection.db);
  await insertInitialEmailTopics(connection.db);
  setDatabase(connection);
  return { ...connection, url: workerDatabase.driver === "server" ? workerDatabase.url : null };
}

/** The app's tables (public) and the executor's (its schema), but not the executor's migration history. */
async function emptyAllTables(db: Connection["db"]): Promise<void> {
  const tables = await db.execute(
    sql`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
        where schemaname = 'public'
           or (schemaname = ${LOCAL_EXECUTOR_SCHEMA} and tablename <> ${LOCAL_EXECUTOR_MIGRATIONS.migrationsTable})`,
  );
  const names = rowsOf<{ name: string }>(tables).map((table) => table.name);
  await db.execute(sql.raw(`truncate table ${names.join(", ")} restart identity cascade`));
}
