import "server-only";
import { connect, type Connection, type Db } from "./connect";

export type { Db, Tx, DriverKind } from "./connect";

const globalForDb = globalThis as unknown as { subflowConnection?: Promise<Connection> };

/**
 * The process-wide connection, opened on first use from DATABASE_URL. Kept on globalThis so that Next's module
 * reloading in development does not open a second PGlite on the same data directory.
 */
export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}

/** The process-wide connection with its driver (a migrator is chosen by driver). */
export async function getConnection(): Promise<Connection> {
  globalForDb.subflowConnection ??= connect();
  return globalForDb.subflowConnection;
}

/** Replace the process-wide database (tests give each file its own). */
export function setDatabase(connection: Connection): void {
  globalForDb.subflowConnection = Promise.resolve(connection);
}

export async function closeDb(): Promise<void> {
  const connection = globalForDb.subflowConnection;
  globalForDb.subflowConnection = undefined;
  if (connection) await (await connection).close();
}
