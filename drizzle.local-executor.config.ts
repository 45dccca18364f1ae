import { defineConfig } from "drizzle-kit";
import { LOCAL_EXECUTOR_MIGRATIONS, LOCAL_EXECUTOR_SCHEMA } from "./inngest/local/migrations";

/** The local Inngest executor's tables, in a schema and migration history of their own (`npm run db:generate:executor`). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./inngest/local/schema.ts",
  out: "./inngest/local/drizzle",
  schemaFilter: [LOCAL_EXECUTOR_SCHEMA],
  migrations: {
    schema: LOCAL_EXECUTOR_MIGRATIONS.migrationsSchema,
    table: LOCAL_EXECUTOR_MIGRATIONS.migrationsTable,
  },
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
});
