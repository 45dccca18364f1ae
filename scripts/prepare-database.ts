/**
 * Run before `next dev` and the Playwright web server: migrate the configured database and, the first time (no users
 * yet), add the demo data, so a fresh checkout starts with something to sign in to.
 */
import { count } from "drizzle-orm";
import { setDatabase } from "@/lib/db";
import { connect } from "@/lib/db/connect";
import { users } from "@/lib/db/schema";
import { applyMigrations, describeMigrations } from "./support/apply-migrations";
import { describeDatabase } from "./support/describe-database";
import { describeSeed, seedDemoData } from "./seed/seed-demo-data";

console.log(`Database: ${describeDatabase()}`);
const connection = await connect();
// The process-wide handle too: services that reach the database themselves (the demo gateway's ledger) must not open
// a second embedded database on the same directory.
setDatabase(connection);
try {
  console.log(describeMigrations(await applyMigrations(connection)));
  const [row] = await connection.db.select({ users: count() }).from(users);
  if ((row?.users ?? 0) === 0) {
    console.log(describeSeed(await seedDemoData(connection.db)));
  } else {
    console.log(
      `Demo data: skipped (${row?.users} users exist; \`npm run db:seed\` adds what is missing).`,
    );
  }
} finally {
  await connection.close();
}
