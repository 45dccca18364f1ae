import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql, type ExtractTablesWithRelations } from "drizzle-orm";
import { currentAuditContext } from "@/lib/audit/audit-context";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Any of the three drivers' databases, or a transaction of one: services take this and plain data. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DriverKind = "pglite" | "pg" | "neon";

export interface Connection {
  db: Db;
  driver: DriverKind;
  close(): Promise<void>;
}

/**
 * Where the embedded database lives by default. Not `.data/` in the project: `next dev` (Turbopack) watches the
 * whole project tree and reloads the browser on every change, and a database writes files all the time. Tool state
 * under node_modules/.cache is not watched. Override with PGLITE_DIR.
 */
export const DEFAULT_PGLITE_DIR = "node_modules/.cache/subflow/pglite";

/** Which driver a DATABASE_URL selects: unset → embedded PGlite, a Neon host → Neon serverless, else node-postgres. */
export function driverFor(url: string | undefined): DriverKind {
  if (!url) return "pglite";
  const host = new URL(url).hostname;
  return host.endsWith(".neon.tech") ||
    host.endsWith(".neon.build") ||
    process.env.DATABASE_DRIVER === "neon"
    ? "neon"
    : "pg";
}

export async function connect(
  url = process.env.DATABASE_URL,
  options: { pgliteDir?: string; poolSize?: number } = {},
): Promise<Connection> {
  const driver = driverFor(url);
  if (driver === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const dir = path.resolve(options.pgliteDir ?? process.env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR);
    mkdirSync(dir, { recursive: true });
    const client = await PGlite.create(dir);
    return {
      db: auditingTransactions(drizzle(client, { schema }) as unknown as Db),
      driver,
      close: () => client.close(),
    };
  }
  if (driver === "neon") {
    const { Pool, neonConfig } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    if (typeof WebSocket === "undefined" || process.env.NEON_WS_PROXY) {
      neonConfig.webSocketConstructor = (await import("ws")).default;
    }
    if (process.env.NEON_WS_PROXY) {
      // Postgres behind a WebSocket-to-TCP proxy (tests, CI). The driver adds the ws:// or wss:// itself; SCRAM
      // authentication needs pipelineConnect off.
      const proxy = process.env.NEON_WS_PROXY.replace(/^wss?:\/\//, "");
      neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = process.env.NEON_WS_PROXY.startsWith("wss://");
      neonConfig.pipelineConnect = false;
    }
    const pool = new Pool({ connectionString: url, max: options.poolSize ?? 10 });
    pool.on("error", logIdleClientError);
    return {
      db: auditingTransactions(drizzle(pool, { schema }) as unknown as Db),
      driver,
      close: () => pool.end(),
    };
  }
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: options.poolSize ?? 10 });
  pool.on("error", logIdleClientError);
  return {
    db: auditingTransactions(drizzle(pool, { schema }) as unknown as Db),
    driver,
    close: () => pool.end(),
  };
}

/**
 * Every transaction opened inside an audit context (lib/audit/audit-context.ts) first hands the context to Postgres,
 * transaction-local, where the audit trigger reads it; so a staff member's or an API token's change is recorded in the
 * transaction that makes it. Outside a context a transaction costs nothing extra. Writes outside a transaction are not
 * audited: staff mutations run in transactions (tests/integration/audit checks each one leaves a record).
 */
export function auditingTransactions(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) =>
    transaction(async (tx) => {
      const context = currentAuditContext();
      if (context) {
        await tx.execute(sql`select set_config('subflow.audit', ${JSON.stringify(context)}, true)`);
      }
      return work(tx);
    }, config)) as Db["transaction"];
  return db;
}

/**
 * An idle pooled connection the server closed (restart, failover, admin terminate) emits "error" on the pool; without
 * a listener Node would crash the process. The pool drops the client and opens a new one on the next query.
 */
function logIdleClientError(error: Error): void {
  console.warn(`database: an idle connection was closed (${error.message})`);
}
