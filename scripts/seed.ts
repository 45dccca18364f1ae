/** `npm run db:seed`: add the demo catalog and accounts (README lists them). Safe to run again: nothing is duplicated. */
import { setDatabase } from "@/lib/db";
import { connect } from "@/lib/db/connect";
import { describeDatabase } from "./support/describe-database";
import { describeSeed, seedDemoData } from "./seed/seed-demo-data";

console.log(`Database: ${describeDatabase()}`);
const connection = await connect();
// The process-wide handle too: services that reach the database themselves (the demo gateway's ledger) must not open
// a second embedded database on the same directory.
setDatabase(connection);
try {
  console.log(describeSeed(await seedDemoData(connection.db)));
} finally {
  await connection.close();
}
