import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerActor, SYSTEM_ACTOR } from "@/lib/auth/actor";
import { addDays, freezeClock } from "@/lib/clock";
import { events, subscriptionTypeContentAccess, subscriptionTypes } from "@/lib/db/schema";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { stopSubscription } from "@/lib/subscriptions/stop-subscription";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { seedCatalog, uniqueEmail } from "./fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let catalog: Awaited<ReturnType<typeof seedCatalog>>;
beforeAll(async () => {
  database = await openTestDatabase();
  catalog = await seedCatalog(database.db);
});
afterAll(() => database.close());

const start = new Date("2026-03-01T12:00:00Z");

describe("saveSubscriptionType", () => {
  it("creates a type with content access and a next type, then edits it in place", async () => {
    const created = await saveSubscriptionType(database.db, {
      code: "club_month",
      name: "Club",
      lengthDays: 31,
      priceCents: 1500,
      contentAccessCodes: ["web", "print"],
      nextSubscriptionTypeCode: "web_month",
    });
    expect(created.nextSubscriptionTypeId).toBe(catalog.webMonth.id);
    const edited = await saveSubscriptionType(database.db, {
      id: created.id,
      code: "club_month",
      name: "Club monthly",
      lengthDays: 30,
      priceCents: 1600,
      contentAccessCodes: ["print"],
      isDefault: true,
    });
    expect(edited).toMatchObject({
      id: created.id,
      name: "Club monthly",
      lengthDays: 30,
      priceCents: 1600,
      isDefault: true,
      nextSubscriptionTypeId: null,
    });
    const access = await database.db
      .select()
      .from(subscriptionTypeContentAccess)
      .where(eq(subscriptionTypeContentAccess.subscriptionTypeId, created.id));
    expect(access).toHaveLength(1);
  });

  it("refuses a duplicate code or unknown content access and changes nothing", async () => {
    await expect(
      saveSubscriptionType(database.db, {
        code: "web_month",
        name: "Again",
        lengthDays: 31,
        priceCents: 1,
        contentAccessCodes: ["web"],
      }),
    ).rejects.toMatchObject({ code: "subscription_type_exists", status: 409 });
    await expect(
      saveSubscriptionType(database.db, {
        code: "ghost",
        name: "Ghost",
        lengthDays: 31,
        priceCents: 1,
        contentAccessCodes: ["nope"],
      }),
    ).rejects.toMatchObject({ code: "content_access_not_found" });
    expect(
      await database.db.select().from(subscriptionTypes).where(eq(subscriptionTypes.code, "ghost")),
    ).toHaveLength(0);
    await expect(
      createContentAccess(database.db, { code: "web", name: "Web again" }),
    ).rejects.toMatchObject({ code: "content_access_exists" });
  });
});

describe("createSubscription", () => {
  it("gives explicit dates, a kind, and records subscription.created", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("gift") });
    const subscription = await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
      startAt: start,
      endAt: addDays(start, 10),
      kind: "gift",
    });
    expect(subscription).toMatchObject({
      kind: "gift",
      isPaid: false,
      startAt: start,
      endAt: addDays(start, 10),
    });
    const recorded = await database.db.select().from(events).where(eq(events.userId, user.id));
    expect(recorded.map((event) => event.name)).toEqual(["user.created", "subscription.created"]);
    expect(recorded[1]?.payload).toMatchObject({
      subscription_id: subscription.id,
      kind: "gift",
      subscription_type_code: "web_month",
    });
  });

  it("refuses an end before the start", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("dates") });
    await expect(
      createSubscription(database.db, {
        userId: user.id,
        subscriptionTypeId: catalog.webMonth.id,
        startAt: start,
        endAt: start,
      }),
    ).rejects.toMatchObject({ code: "subscription_dates_invalid" });
  });
});

describe("stopSubscription", () => {
  it("ends a running subscription now and an upcoming one at its start; a customer actor only their own", async () => {
    freezeClock(start);
    const user = await createUser(database.db, { email: uniqueEmail("stop") });
    const other = await createUser(database.db, { email: uniqueEmail("other") });
    const running = await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
    });
    const upcoming = await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
    });
    expect(upcoming.startAt).toEqual(running.endAt);
    freezeClock(addDays(start, 2));
    await expect(
      stopSubscription(database.db, { subscriptionId: running.id, actor: customerActor(other.id) }),
    ).rejects.toMatchObject({
      code: "subscription_not_running",
    });
    expect(
      (await stopSubscription(database.db, { subscriptionId: running.id, actor: SYSTEM_ACTOR }))
        .endAt,
    ).toEqual(addDays(start, 2));
    const stoppedUpcoming = await stopSubscription(database.db, {
      subscriptionId: upcoming.id,
      actor: customerActor(user.id),
    });
    expect(stoppedUpcoming.endAt).toEqual(stoppedUpcoming.startAt);
    await expect(
      stopSubscription(database.db, { subscriptionId: running.id, actor: SYSTEM_ACTOR }),
    ).rejects.toMatchObject({ code: "subscription_not_running" });
  });
});
