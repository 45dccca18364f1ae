/** `npm run db:seed`: add the demo catalog and accounts (README lists them). Safe to run again: nothing is duplicated. */
import { connect } from "@/lib/db/connect";
import { describeDatabase } from "./support/describe-database";
import { describeSeed, seedDemoData } from "./seed/seed-demo-data";

console.log(`Database: ${describeDatabase()}`);
const connection = await connect();
try {
  console.log(describeSeed(await seedDemoData(connection.db)));
} finally {
  await connection.close();
}
