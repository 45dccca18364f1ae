import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * The Postgres server in DATABASE_URL, on which a bench creates a database of its own (and drops it at the end).
 * Exits with a message when DATABASE_URL is not a Postgres URL.
 */
export function benchServer() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    console.error(
      "Set DATABASE_URL to a Postgres server (postgres://…); the bench creates and drops its own database there.",
    );
    process.exit(1);
  }
  const withDatabase = (name: string) =>
    Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  async function onServer(statement: string) {
    const client = new pg.Client({ connectionString: withDatabase("postgres") });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }
  const database = `subflow_bench_${randomBytes(4).toString("hex")}`;
  return {
    database,
    url: withDatabase(database),
    create: () => onServer(`create database ${database}`),
    drop: () => onServer(`drop database if exists ${database} with (force)`),
  };
}
