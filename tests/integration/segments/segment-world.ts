import { eq } from "drizzle-orm";
import { addDays } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, users, type User } from "@/lib/db/schema";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { buyPaid, createUser, seedCatalog } from "../services/fixtures";

/**
 * A small population for segment tests, at a frozen "now":
 * - alice@acme.test "Alice Smith", customer, registered 5 days ago, actual web_month (one paid payment of 4.99);
 * - bob@other.test, no name, admin, registered 2025, web_print_month that ended and web_year that starts in 16 days;
 *   no paid payments (one failed);
 * - carol@acme.test "Carol", customer, registered 2026-01-01, actual web_print_month, paid 10.00 + 20.00, plus a
 *   refunded 50.00 and an unpaid 7.00 that must not count.
 */
export const NOW = new Date("2026-06-15T12:00:00Z");

export interface SegmentWorld {
  alice: User;
  bob: User;
  carol: User;
  catalog: Awaited<ReturnType<typeof seedCatalog>>;
}

async function registeredAt(db: Db, user: User, at: Date): Promise<void> {
  await db.update(users).set({ createdAt: at }).where(eq(users.id, user.id));
}

export async function createSegmentWorld(db: Db): Promise<SegmentWorld> {
  const catalog = await seedCatalog(db);
  const alice = await createUser(db, { email: "Alice@Acme.test", name: "Alice Smith" });
  const bob = await createUser(db, { email: "bob@other.test", role: "admin" });
  const carol = await createUser(db, { email: "carol@acme.test", name: "Carol" });
  await registeredAt(db, alice, addDays(NOW, -5));
  await registeredAt(db, bob, new Date("2025-01-01T00:00:00Z"));
  await registeredAt(db, carol, new Date("2026-01-01T00:00:00Z"));

  await buyPaid(db, alice.id, "web_month");

  const april = new Date("2026-04-01T00:00:00Z");
  await createSubscription(db, {
    userId: bob.id,
    subscriptionTypeId: catalog.webPrintMonth.id,
    startAt: april,
    endAt: new Date("2026-05-01T00:00:00Z"),
  });
  await createSubscription(db, {
    userId: bob.id,
    subscriptionTypeId: catalog.webYear.id,
    startAt: addDays(NOW, 16),
  });
  await db
    .insert(payments)
    .values({ userId: bob.id, amountCents: 999, status: "fail", gateway: "demo" });

  await createSubscription(db, {
    userId: carol.id,
    subscriptionTypeId: catalog.webPrintMonth.id,
    startAt: addDays(NOW, -1),
  });
  await db.insert(payments).values([
    {
      userId: carol.id,
      amountCents: 1000,
      status: "paid",
      gateway: "demo",
      paidAt: addDays(NOW, -40),
    },
    {
      userId: carol.id,
      amountCents: 2000,
      status: "paid",
      gateway: "demo",
      paidAt: addDays(NOW, -10),
    },
    {
      userId: carol.id,
      amountCents: 5000,
      status: "refund",
      gateway: "demo",
      paidAt: addDays(NOW, -9),
    },
    { userId: carol.id, amountCents: 700, status: "form", gateway: "demo" },
  ]);
  return { alice, bob, carol, catalog };
}
