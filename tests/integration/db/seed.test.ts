import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USER_ROLES } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import {
  contentAccess,
  events,
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypeContentAccess,
  subscriptionTypes,
  familyRequests,
  users,
} from "@/lib/db/schema";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { DEMO_ACCOUNTS } from "@/scripts/seed/demo-customers";
import { seedDemoData } from "@/scripts/seed/seed-demo-data";
import { openTestDatabase } from "../../support/test-database";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db);
});
afterAll(() => database.close());

async function tableCounts() {
  const db = database.db;
  const countOf = async (table: PgTable) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
  return {
    users: await countOf(users),
    contentAccess: await countOf(contentAccess),
    subscriptionTypes: await countOf(subscriptionTypes),
    subscriptions: await countOf(subscriptions),
    payments: await countOf(payments),
    recurrentPayments: await countOf(recurrentPayments),
    events: await countOf(events),
  };
}

async function userId(email: string) {
  const [user] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email));
  if (!user) throw new Error(`${email} was not seeded`);
  return user.id;
}

describe("demo data", () => {
  it("changes nothing when seeded again", async () => {
    const before = await tableCounts();
    expect(await seedDemoData(database.db)).toEqual([]);
    expect(await tableCounts()).toEqual(before);
    expect(before).toMatchObject({ users: DEMO_ACCOUNTS.length, contentAccess: 3 });
  });

  it("has exactly one default type per content-access set and length", async () => {
    const rows = await database.db
      .select({
        access: sql<string>`string_agg(${contentAccess.code}, '+' order by ${contentAccess.code})`,
        lengthDays: subscriptionTypes.lengthDays,
        isDefault: subscriptionTypes.isDefault,
      })
      .from(subscriptionTypes)
      .innerJoin(
        subscriptionTypeContentAccess,
        eq(subscriptionTypeContentAccess.subscriptionTypeId, subscriptionTypes.id),
      )
      .innerJoin(contentAccess, eq(contentAccess.id, subscriptionTypeContentAccess.contentAccessId))
      .groupBy(subscriptionTypes.id);
    const groups = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.access}/${row.lengthDays}`;
      groups.set(key, (groups.get(key) ?? 0) + (row.isDefault ? 1 : 0));
    }
    expect([...groups.values()].every((defaults) => defaults === 1)).toBe(true);
    expect(groups.get("web/31")).toBe(1);
    expect(groups.get("web/365")).toBe(1);
  });

  it("has a demo account for every role, the owner still signing in as admin@subflow.test", () => {
    expect([...new Set(DEMO_ACCOUNTS.map((account) => account.role))].sort()).toEqual(
      [...USER_ROLES].sort(),
    );
    expect(DEMO_ACCOUNTS.find((account) => account.email === "admin@subflow.test")?.role).toBe(
      "owner",
    );
  });

  it("lets every demo account sign in with its documented password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await authenticateUser(database.db, account.email, account.password);
      expect(user?.role).toBe(account.role);
    }
  });

  it("gives the customers subscriptions and recurrent payments in different states", async () => {
    const db = database.db;
    const at = now();
    const running = (id: number) =>
      db
        .select({ code: subscriptionTypes.code })
        .from(subscriptions)
        .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
        .where(
          and(
            eq(subscriptions.userId, id),
            lte(subscriptions.startAt, at),
            gt(subscriptions.endAt, at),
          ),
        );
    const recurrentStates = async (id: number) =>
      (
        await db
          .select({ state: recurrentPayments.state, card: recurrentPayments.cardToken })
          .from(recurrentPayments)
          .where(eq(recurrentPayments.userId, id))
      )
        .map((row) => `${row.state}:${row.card}`)
        .sort();

    const jane = await userId("jane@subflow.test");
    expect(await running(jane)).toEqual([{ code: "web_monthly" }]);
    expect(await recurrentStates(jane)).toEqual(["active:tok_visa", "charged:tok_visa"]);

    const john = await userId("john@subflow.test");
    expect(await running(john)).toEqual([{ code: "web_print_yearly" }]);
    expect(await recurrentStates(john)).toEqual([]);

    const emma = await userId("emma@subflow.test");
    // Her own club month, and web from a code of Mary's family subscription.
    expect((await running(emma)).map((row) => row.code).sort()).toEqual([
      "club_monthly",
      "web_yearly",
    ]);
    expect(await recurrentStates(emma)).toEqual(["user_stop:tok_visa"]);

    const petra = await userId("petra@subflow.test");
    expect(await running(petra)).toEqual([]);
    expect(await recurrentStates(petra)).toEqual(["charge_failed:tok_declined"]);
    const petraPayments = await db
      .select({ status: payments.status })
      .from(payments)
      .where(eq(payments.userId, petra));
    expect(petraPayments.map((p) => p.status).sort()).toEqual(["fail", "paid"]);

    const mary = await userId("mary@subflow.test");
    expect(await running(mary)).toEqual([{ code: "family_web_yearly" }]);
    const codes = await db
      .select({ status: familyRequests.status, child: familyRequests.childUserId })
      .from(familyRequests)
      .where(eq(familyRequests.masterUserId, mary));
    expect(codes.map((row) => row.status).sort()).toEqual(["accepted", "created", "created"]);
    expect(codes.find((row) => row.status === "accepted")?.child).toBe(emma);
  });

  it("offers the default types on the pricing page, Web + Print recommended, and not the intro or family types", async () => {
    const rows = await database.db
      .select({
        code: subscriptionTypes.code,
        offered: subscriptionTypes.offered,
        highlighted: subscriptionTypes.highlighted,
        description: subscriptionTypes.description,
      })
      .from(subscriptionTypes);
    const offered = rows
      .filter((row) => row.offered)
      .map((row) => row.code)
      .sort();
    expect(offered).toEqual([
      "club_monthly",
      "club_yearly",
      "web_club_monthly",
      "web_club_yearly",
      "web_monthly",
      "web_print_club_monthly",
      "web_print_club_yearly",
      "web_print_monthly",
      "web_print_yearly",
      "web_yearly",
    ]);
    expect(
      rows
        .filter((row) => row.highlighted)
        .map((row) => row.code)
        .sort(),
    ).toEqual(["web_print_monthly", "web_print_yearly"]);
    expect(rows.filter((row) => row.offered).every((row) => row.description)).toBe(true);
  });

  it("puts the demo types on the pricing page of a database seeded before it existed, once", async () => {
    const db = database.db;
    await db
      .update(subscriptionTypes)
      .set({ offered: false, highlighted: false, description: null });
    const created = await seedDemoData(db);
    expect(created).toContain("pricing page offer web_monthly");
    expect(created).not.toContain("pricing page offer web_monthly_intro");
    const [webPrint] = await db
      .select()
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.code, "web_print_monthly"));
    expect(webPrint).toMatchObject({ offered: true, highlighted: true });
    // Once anything is offered, the pricing page is the admin's: seeding again changes nothing.
    await db
      .update(subscriptionTypes)
      .set({ offered: false })
      .where(eq(subscriptionTypes.code, "club_yearly"));
    expect(await seedDemoData(db)).toEqual([]);
    const [clubYearly] = await db
      .select()
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.code, "club_yearly"));
    expect(clubYearly?.offered).toBe(false);
  });
});
