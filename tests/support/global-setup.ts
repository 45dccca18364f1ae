import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { LOCAL_EXECUTOR_MIGRATIONS } from "@/inngest/local/migrations";
import { createTemplateDatabase, dropDatabasesWithPrefix } from "./databases";

/**
 * Migrate once per test run, the app's migrations and the local executor's (tests run it): a dumped PGlite data dir
 * (embedded default) or a template database on the real server (DATABASE_URL). Each worker then loads or copies it
 * once and empties it for every file it runs (test-database.ts), so workers run in parallel on their own data.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = await createTemplateDatabase(url);
    project.provide("templateDatabase", template);
    return async () => {
      await dropDatabasesWithPrefix(url, template);
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create();
  await migrate(drizzle(client), { migrationsFolder: path.resolve("drizzle") });
  await migrate(drizzle(client), LOCAL_EXECUTOR_MIGRATIONS);
  const dump = await client.dumpDataDir("none");
  await client.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), "subflow-pglite-"));
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDump", file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    templateDatabase: string;
  }
}
