import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

/** Record a `scenario.test` event for a user: every enabled scenario that starts on it runs for them. */
export async function fireScenarioTest(
  db: Db,
  options: { userId: number; payload?: Record<string, unknown> },
): Promise<{ eventId: string }> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, options.userId));
  if (!user) throw invalid("user_not_found", `There is no user ${options.userId}.`);
  const eventId = await recordEvent(db, {
    name: "scenario.test",
    userId: user.id,
    payload: options.payload ?? {},
  });
  if (!eventId) throw new Error("scenario.test was not recorded");
  return { eventId };
}
