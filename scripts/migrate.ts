/** `npm run db:migrate`: apply the committed migrations to the configured database (DATABASE_URL, else PGlite). */
import { connect } from "@/lib/db/connect";
import { applyMigrations, describeMigrations } from "./support/apply-migrations";
import { describeDatabase } from "./support/describe-database";

console.log(`Database: ${describeDatabase()}`);
const connection = await connect();
try {
  console.log(describeMigrations(await applyMigrations(connection)));
} finally {
  await connection.close();
}
