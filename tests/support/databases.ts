import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { LOCAL_EXECUTOR_MIGRATIONS } from "@/inngest/local/migrations";

/** The same server URL pointed at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Create and migrate `subflow_tpl_<random>`, the template every test worker's database is copied from: the app's
 * migrations and the local executor's (tests run it).
 */
export async function createTemplateDatabase(url: string): Promise<string> {
  const name = `subflow_tpl_${randomBytes(4).toString("hex")}`;
  await admin(url, (client) => client.query(`create database ${name}`));
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new pg.Pool({ connectionString: withDatabase(url, name), max: 1 });
  await migrate(drizzle(pool), { migrationsFolder: path.resolve("drizzle") });
  await migrate(drizzle(pool), LOCAL_EXECUTOR_MIGRATIONS);
  await pool.end();
  return name;
}

export async function cloneDatabase(url: string, template: string): Promise<string> {
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(url, (client) => client.query(`create database ${name} template ${template}`));
      return name;
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await admin(url, (client) => client.query(`drop database if exists ${name} with (force)`));
}

export async function dropDatabasesWithPrefix(url: string, prefix: string): Promise<void> {
  await admin(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`${prefix}%`],
    );
    for (const row of rows)
      await client.query(`drop database if exists ${row.datname} with (force)`);
  });
}
