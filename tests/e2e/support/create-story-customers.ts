/**
 * Run by the Playwright web server after the database is prepared and before the app starts (playwright.config.ts):
 * the customers of story-customers.ts, each made and taken through a demo account's story as the seed does it (the
 * clock moved back to when each step happened), in one transaction per customer.
 */
import { addDays, freezeClock, now, resetClock } from "@/lib/clock";
import { setDatabase } from "@/lib/db";
import { connect } from "@/lib/db/connect";
import { createUser } from "@/lib/users/create-user";
import { DEMO_ACCOUNTS } from "@/scripts/seed/demo-customers";
import { storyCustomers } from "./story-customers";

const connection = await connect();
// The process-wide handle too: the demo gateway's ledger reaches the database itself (see prepare-database.ts).
setDatabase(connection);
const today = now();
try {
  for (const customer of Object.values(storyCustomers())) {
    const account = DEMO_ACCOUNTS.find((demo) => demo.email === customer.storyOf);
    const story = account?.story;
    if (!account || !story) throw new Error(`the seed has no story for ${customer.storyOf}`);
    await connection.db.transaction(async (tx) => {
      freezeClock(addDays(today, -account.joinedDaysAgo));
      const { email, password, name } = customer;
      const user = await createUser(tx, {
        email,
        password,
        name,
        role: "customer",
        confirmed: true,
        source: "seed",
      });
      await story(tx, user, (daysAgo) => freezeClock(addDays(today, -daysAgo)));
    });
    console.log(`Story customer: ${customer.email} (as ${customer.storyOf})`);
  }
} finally {
  resetClock();
  await connection.close();
}
