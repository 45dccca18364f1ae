import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freezeClock, addDays } from "@/lib/clock";
import { events, subscriptions } from "@/lib/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
  await createContentAccess(database.db, { code: "web", name: "Web" });
  await saveSubscriptionType(database.db, { code: "web_month", name: "Web monthly", lengthDays: 31, priceCents: 499, contentAccessCodes: ["web"] });
});
afterAll(() => database.close());

describe("markPaymentPaid", () => {
  it("creates the subscription after the running one with the same content access", async () => {
    const start = new Date("2026-01-01T00:00:00Z");
    freezeClock(start);
    const db = database.db;
    const user = await createUser(db, { email: "chain@example.com" });
    const first = await createPayment(db, { userId: user.id, items: [{ subscriptionTypeCode: "web_month" }] });
    const paid1 = await markPaymentPaid(db, { paymentId: first.payment.id });
    expect(paid1.subscription?.startAt).toEqual(start);
    const second = await createPayment(db, { userId: user.id, items: [{ subscriptionTypeCode: "web_month" }] });
    const paid2 = await markPaymentPaid(db, { paymentId: second.payment.id });
    expect(paid2.subscription?.startAt).toEqual(addDays(start, 31));
    const [prev] = await db.select().from(subscriptions).where(eq(subscriptions.id, paid1.subscription!.id));
    expect(prev?.nextSubscriptionId).toBe(paid2.subscription!.id);
    const names = (await db.select().from(events).where(eq(events.userId, user.id))).map((e) => e.name).sort();
    expect(names).toEqual(["payment.paid", "payment.paid", "subscription.created", "subscription.created", "user.created"]);
  });
});
