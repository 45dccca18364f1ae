import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connect";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/lib/db/migrate";

interface JournalEntry {
  tag: string;
  when: number;
}

export interface MigrationReport {
  applied: string[];
  total: number;
}

/**
 * Apply the committed migrations and say which ones this run applied. drizzle records each applied migration's
 * journal timestamp and applies every entry newer than the last one recorded, so the same rule names them here.
 */
export async function applyMigrations(connection: Connection): Promise<MigrationReport> {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
  ) as {
    entries: JournalEntry[];
  };
  const lastApplied = await lastAppliedMigrationAt(connection);
  await migrateDatabase(connection);
  return {
    applied: journal.entries.filter((entry) => entry.when > lastApplied).map((entry) => entry.tag),
    total: journal.entries.length,
  };
}

async function lastAppliedMigrationAt(connection: Connection): Promise<number> {
  const exists = await rows<{ table: string | null }>(
    connection,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as "table"`,
  );
  if (!exists[0]?.table) return 0;
  const [last] = await rows<{ at: string | number | null }>(
    connection,
    sql`select max(created_at) as "at" from drizzle.__drizzle_migrations`,
  );
  return last?.at == null ? 0 : Number(last.at);
}

/** All three drivers answer `execute` with an object carrying `rows`. */
async function rows<T>(connection: Connection, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await connection.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export function describeMigrations(report: MigrationReport): string {
  return report.applied.length === 0
    ? `Migrations: up to date (${report.total} committed, none pending).`
    : `Migrations: applied ${report.applied.length} of ${report.total}: ${report.applied.join(", ")}.`;
}
