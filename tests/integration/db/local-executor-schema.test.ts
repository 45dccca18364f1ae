import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connect, type Connection } from "@/lib/db/connect";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/lib/db/migrate";
import { rowsOf } from "@/lib/db/rows-of";
import { migrateLocalExecutor } from "@/inngest/local/migrate-local-executor";
import { LOCAL_EXECUTOR_MIGRATIONS, LOCAL_EXECUTOR_SCHEMA } from "@/inngest/local/migrations";
import { localRuns } from "@/inngest/local/schema";
import { dropDatabase, withDatabase } from "../../support/databases";
import { startWsTcpProxy } from "./ws-tcp-proxy";

/*
 * The local executor's state lives in its own schema with its own migration history: the app's migrations (what
 * production applies) hold only the app's tables, and 0008 drops the executor tables 0000 used to create in public.
 * Every driver: embedded PGlite always, node-postgres and Neon serverless on the DATABASE_URL server.
 */
const serverUrl = process.env.DATABASE_URL;

const EXECUTOR_TABLES = [
  "__drizzle_migrations",
  "batched_events",
  "cron_ticks",
  "events",
  "functions",
  "idempotency_keys",
  "jobs",
  "runs",
  "steps",
  "waits",
];

interface Journal {
  entries: { idx: number; tag: string }[];
}
const appJournal = JSON.parse(
  readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
) as Journal;
const executorJournal = JSON.parse(
  readFileSync(
    path.join(LOCAL_EXECUTOR_MIGRATIONS.migrationsFolder, "meta", "_journal.json"),
    "utf8",
  ),
) as Journal;

afterEach(() => {
  vi.unstubAllEnvs();
});

interface OpenedDatabase {
  connection: Connection;
  dispose(): Promise<void>;
}

async function openPglite(): Promise<OpenedDatabase> {
  vi.stubEnv("DATABASE_URL", "");
  const dir = mkdtempSync(path.join(os.tmpdir(), "subflow-executor-schema-"));
  const connection = await connect(undefined, { pgliteDir: dir });
  return {
    connection,
    async dispose() {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openOnServer(driver: "pg" | "neon"): Promise<OpenedDatabase> {
  const name = `subflow_exs_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl!, "postgres") });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const proxy = driver === "neon" ? await startWsTcpProxy() : undefined;
  // The Neon client puts "ws://" in front of what wsProxy returns, so the proxy is given without a protocol.
  if (proxy) vi.stubEnv("NEON_WS_PROXY", `127.0.0.1:${proxy.port}`);
  vi.stubEnv("DATABASE_DRIVER", driver === "neon" ? "neon" : "");
  const connection = await connect(withDatabase(serverUrl!, name));
  return {
    connection,
    async dispose() {
      await connection.close();
      await proxy?.close();
      await dropDatabase(serverUrl!, name);
    },
  };
}

const drivers: { driver: Connection["driver"]; open: () => Promise<OpenedDatabase> }[] = [
  { driver: "pglite", open: openPglite },
  ...(serverUrl
    ? [
        { driver: "pg" as const, open: () => openOnServer("pg") },
        { driver: "neon" as const, open: () => openOnServer("neon") },
      ]
    : []),
];

/** The `name` column of a query's rows, in code-point order (collations disagree on underscores). */
async function names(connection: Connection, query: ReturnType<typeof sql>): Promise<string[]> {
  return rowsOf<{ name: string }>(await connection.db.execute(query))
    .map((row) => row.name)
    .sort();
}

const tablesOfExecutorSchema = (connection: Connection) =>
  names(
    connection,
    sql`select tablename as name from pg_tables where schemaname = ${LOCAL_EXECUTOR_SCHEMA}`,
  );

/** Tables and enum types in public whose names start with inngest (the executor's old home). */
const publicInngestObjects = (connection: Connection) =>
  names(
    connection,
    sql`select tablename as name from pg_tables where schemaname = 'public' and tablename like 'inngest%'
        union all
        select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typname like 'inngest%' and t.typtype = 'e'`,
  );

async function appliedCount(connection: Connection, historyTable: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await connection.db.execute(sql`select count(*)::int as n from ${sql.raw(historyTable)}`),
  );
  return row?.n ?? -1;
}

/** A copy of the app's migration folder holding only the migrations up to `lastIdx` (an installation of that day). */
function appMigrationsUpTo(lastIdx: number): { folder: string; remove(): void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), "subflow-old-migrations-"));
  mkdirSync(path.join(folder, "meta"));
  const entries = appJournal.entries.filter((entry) => entry.idx <= lastIdx);
  for (const entry of entries) {
    copyFileSync(
      path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`),
      path.join(folder, `${entry.tag}.sql`),
    );
  }
  writeFileSync(
    path.join(folder, "meta", "_journal.json"),
    JSON.stringify({ ...appJournal, entries }),
  );
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

describe.each(drivers)("the executor's schema apart, through $driver", ({ driver, open }) => {
  it("the app's migrations create no executor table; the executor's migrations create its schema", async () => {
    const { connection, dispose } = await open();
    try {
      expect(connection.driver).toBe(driver);
      await migrateDatabase(connection);
      expect(await tablesOfExecutorSchema(connection)).toEqual([]);
      expect(await publicInngestObjects(connection)).toEqual([]);

      await migrateLocalExecutor(connection);
      await migrateLocalExecutor(connection); // a second start finds nothing to apply
      expect(await tablesOfExecutorSchema(connection)).toEqual(EXECUTOR_TABLES);
      expect(await publicInngestObjects(connection)).toEqual([]);
      // Two histories: each holds its own migrations only.
      expect(await appliedCount(connection, "drizzle.__drizzle_migrations")).toBe(
        appJournal.entries.length,
      );
      expect(await appliedCount(connection, `${LOCAL_EXECUTOR_SCHEMA}.__drizzle_migrations`)).toBe(
        executorJournal.entries.length,
      );

      const now = new Date();
      const [run] = await connection.db
        .insert(localRuns)
        .values({
          functionId: "subflow-probe",
          eventId: "evt-1",
          event: {},
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const [stored] = await connection.db
        .select({ status: localRuns.status })
        .from(localRuns)
        .where(eq(localRuns.id, run!.id));
      expect(stored?.status).toBe("running");
    } finally {
      await dispose();
    }
  });

  it("upgrading a database that ran the executor in public drops its old tables", async () => {
    const { connection, dispose } = await open();
    const hardening = appJournal.entries.find((entry) => entry.tag === "0007_hardening")!;
    const old = appMigrationsUpTo(hardening.idx);
    try {
      await migrateDatabase(connection, { migrationsFolder: old.folder });
      expect(await publicInngestObjects(connection)).toEqual([
        "inngest_local_cron_ticks",
        "inngest_local_events",
        "inngest_local_functions",
        "inngest_local_idempotency_keys",
        "inngest_local_job_kind",
        "inngest_local_jobs",
        "inngest_local_run_status",
        "inngest_local_runs",
        "inngest_local_steps",
        "inngest_local_waits",
      ]);
      // The old executor left runs with steps and jobs behind (the foreign keys the drop has to cascade over).
      await connection.db.execute(sql`
        with run as (
          insert into inngest_local_runs (function_id, event_id, event, created_at, updated_at)
          values ('subflow-old', 'evt-old', '{}', now(), now()) returning id
        ), step as (
          insert into inngest_local_steps (run_id, step_id, op, created_at) select id, 'step', 'StepRun', now() from run
        )
        insert into inngest_local_jobs (run_id, kind, due_at, created_at) select id, 'call', now(), now() from run`);

      await migrateDatabase(connection);
      expect(await publicInngestObjects(connection)).toEqual([]);
      expect(await appliedCount(connection, "drizzle.__drizzle_migrations")).toBe(
        appJournal.entries.length,
      );

      await migrateLocalExecutor(connection);
      expect(await tablesOfExecutorSchema(connection)).toEqual(EXECUTOR_TABLES);
    } finally {
      old.remove();
      await dispose();
    }
  });
});
