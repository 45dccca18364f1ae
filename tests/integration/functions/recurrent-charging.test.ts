import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, freezeClock, MINUTE_MS } from "@/lib/clock";
import { events, payments, recurrentPayments } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { CHARGE_DUE_EVENT } from "@/inngest/events";
import { openTestDatabase } from "../../support/test-database";
import { startLocalInngest } from "../../support/local-inngest";
import { buyPaid, seedCatalog, uniqueEmail } from "../services/fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-08-01T00:00:00Z"));
  await seedCatalog(database.db);
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain();
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

async function subscriber(cardToken: string) {
  const user = await createUser(database.db, { email: uniqueEmail("charge") });
  const paid = await buyPaid(database.db, user.id, "web_month", cardToken);
  return { user, paid };
}

const chain = (userId: number) =>
  database.db
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.userId, userId))
    .orderBy(recurrentPayments.id);
const paidPayments = (userId: number) =>
  database.db
    .select()
    .from(payments)
    .where(and(eq(payments.userId, userId), eq(payments.status, "paid")));

describe("recurrent-payments-charge", () => {
  it("charges a due card once the period ends: a paid renewal, the next subscription and recurrent_payment.renewed", async () => {
    const { user } = await subscriber("tok_visa");
    await inngest.advance(30 * DAY_MS);
    expect(await paidPayments(user.id)).toHaveLength(1);
    await inngest.advance(DAY_MS + 5 * MINUTE_MS);
    expect((await chain(user.id)).map((row) => row.state)).toEqual(["charged", "active"]);
    expect(await paidPayments(user.id)).toHaveLength(2);
    const renewed = await database.db
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "recurrent_payment.renewed")));
    expect(renewed).toHaveLength(1);
  });

  it("retries a declined card after 1, 2 and 3 days, then gives up as charge_failed", async () => {
    const { user } = await subscriber("tok_declined");
    await inngest.advance(31 * DAY_MS + 5 * MINUTE_MS);
    expect((await chain(user.id))[0]).toMatchObject({ state: "active", failedAttempts: 1 });
    await inngest.advance(DAY_MS - 10 * MINUTE_MS);
    expect((await chain(user.id))[0]?.failedAttempts).toBe(1); // not before the day is up
    await inngest.advance(15 * MINUTE_MS);
    expect((await chain(user.id))[0]?.failedAttempts).toBe(2);
    await inngest.advance(2 * DAY_MS + 5 * MINUTE_MS);
    expect((await chain(user.id))[0]?.failedAttempts).toBe(3);
    await inngest.advance(3 * DAY_MS + 5 * MINUTE_MS);
    expect((await chain(user.id))[0]).toMatchObject({ state: "charge_failed", failedAttempts: 4 });
    const failed = await database.db
      .select()
      .from(payments)
      .where(and(eq(payments.userId, user.id), eq(payments.status, "fail")));
    expect(failed).toHaveLength(4);
    const changed = await database.db
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "recurrent_payment.state_changed")));
    expect(changed.map((event) => event.payload.state)).toEqual(["charge_failed"]);
    await inngest.advance(7 * DAY_MS);
    expect(
      await database.db.select().from(payments).where(eq(payments.userId, user.id)),
    ).toHaveLength(5);
  });

  it("charges one period once when two charge runs overlap", async () => {
    const { user } = await subscriber("tok_visa");
    const [recurrent] = await chain(user.id);
    const { inngest: client } = await import("@/inngest/client");
    await client.send([
      {
        name: CHARGE_DUE_EVENT,
        data: { recurrent_payment_id: recurrent!.id, charge_key: "overlap-a" },
      },
      {
        name: CHARGE_DUE_EVENT,
        data: { recurrent_payment_id: recurrent!.id, charge_key: "overlap-b" },
      },
    ]);
    await inngest.executor.drain();
    expect(await paidPayments(user.id)).toHaveLength(2);
    expect((await chain(user.id)).map((row) => row.state)).toEqual(["charged", "active"]);
  });
});
