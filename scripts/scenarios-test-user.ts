/**
 * `npm run scenarios:test-user -- --email <email>`: fire `scenario.test` for a user, so every enabled scenario
 * triggered by it starts a run for them. Prints the recorded event's id.
 */
import { parseArgs } from "node:util";
import { connect } from "@/lib/db/connect";
import { isAppError } from "@/lib/errors";
import { fireScenarioTest } from "@/lib/scenarios/fire-scenario-test";
import { findUserIdByEmail } from "@/lib/scenarios/admin/find-user-id-by-email";
import { describeDatabase } from "./support/describe-database";

const USAGE = "Usage: npm run scenarios:test-user -- --email <email>";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

function parseEmail(): string {
  let values: { email?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const email = values.email?.trim();
  if (!email) fail("Missing --email.");
  return email;
}

const email = parseEmail();
const connection = await connect();
let exitCode = 0;
try {
  console.error(`Database: ${describeDatabase()}`);
  const userId = await findUserIdByEmail(connection.db, email);
  const { eventId } = await fireScenarioTest(connection.db, { userId });
  console.error(`Recorded scenario.test for ${email} (user #${userId}).`);
  console.log(eventId);
} catch (error) {
  if (!isAppError(error)) throw error;
  console.error(error.message);
  exitCode = 1;
} finally {
  await connection.close();
}
process.exit(exitCode);
