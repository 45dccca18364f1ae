import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as adminPaymentsExport } from "@/app/(admin)/admin/payments/export.csv/route";
import { GET as adminReferralsExport } from "@/app/(admin)/admin/referrals/export.csv/route";
import { GET as adminSubscriptionsExport } from "@/app/(admin)/admin/subscriptions/export.csv/route";
import { GET as adminUsersExport } from "@/app/(admin)/admin/users/export.csv/route";
import { GET as apiPaymentsExport } from "@/app/api/v1/payments/export.csv/route";
import { GET as apiReferralsExport } from "@/app/api/v1/referrals/export.csv/route";
import { GET as apiSubscriptionsExport } from "@/app/api/v1/subscriptions/export.csv/route";
import { GET as apiUsersExport } from "@/app/api/v1/users/export.csv/route";
import {
  readPaymentListFilters,
  readReferralListFilters,
  readSubscriptionListFilters,
  readUserListFilters,
} from "@/components/admin/list-filters";
import type { SearchParams } from "@/components/admin/search-params";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { addDays, freezeClock, now } from "@/lib/clock";
import { EXPORT_BATCH_SIZE } from "@/lib/csv/keyset-batches";
import { auditLog, payments, referrals, users, type User } from "@/lib/db/schema";
import { listPayments } from "@/lib/payments/list-payments";
import { listReferrals } from "@/lib/referrals/admin/list-referrals";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { listUsers } from "@/lib/users/list-users";
import { openTestDatabase } from "../../support/test-database";
import { insertProgram } from "../referrals/referral-kit";
import { buyPaid, createUser, seedCatalog } from "../services/fixtures";
import { cookieStoreOf, get, idsOf, parseCsv, signInAs, type FakeBrowser } from "./admin-tools-kit";

/*
 * The CSV exports list exactly the rows their admin list shows for the same filters (the page's own parsing and where
 * clause), page through any number of rows in keyset batches, escape what they write, and are audited; the API's
 * exports take the same filters under read scopes.
 */

const browser = vi.hoisted((): FakeBrowser => ({
  session: null,
  headers: new Headers(),
  cookies: new Map(),
}));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));
vi.mock("next/headers", () => ({
  headers: async () => browser.headers,
  cookies: async () => cookieStoreOf(browser),
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let viewer: User;
let marketer: User;
let types: Awaited<ReturnType<typeof seedCatalog>>;

const ALL = 100_000;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-05-01T00:00:00Z"));
  types = await seedCatalog(db());
  viewer = await createUser(db(), { email: "viewer@example.com", role: "viewer" });
  marketer = await createUser(db(), { email: "marketer@example.com", role: "marketer" });
  // Over two batches of customers created in one statement: one created_at for all, so the keyset's id breaks ties.
  await db()
    .insert(users)
    .values(
      Array.from({ length: EXPORT_BATCH_SIZE * 2 + 7 }, (_, i) => ({
        email: `bulk-${String(i).padStart(4, "0")}@bulk.example`,
        name: i % 3 === 0 ? "Bulk Three" : null,
      })),
    );
  const formula = await createUser(db(), {
    email: "formula@example.com",
    name: '=HYPERLINK("http://evil.example","click")',
  });
  const jane = await createUser(db(), { email: "jane_doe@example.com", name: "Jane, Doe" });
  const janet = await createUser(db(), { email: "janeXdoe@example.com", name: "Janet" });
  await buyPaid(db(), jane.id, "web_month");
  await buyPaid(db(), janet.id, "web_year");
  await buyPaid(db(), formula.id, "web_print_month");
  freezeClock(addDays(now(), 40));
  await buyPaid(db(), jane.id, "web_print_month");
  // A failed payment and a refunded one, for the status filter.
  await db()
    .insert(payments)
    .values({ userId: janet.id, amountCents: 1234, status: "fail", gateway: "demo" });
  await db()
    .update(payments)
    .set({ status: "refund", refundedAt: now() })
    .where(and(eq(payments.userId, formula.id), eq(payments.status, "paid")));
  const program = await insertProgram(db());
  await db()
    .insert(referrals)
    .values([
      {
        referrerUserId: jane.id,
        referredEmail: "friend-a@example.com",
        programId: program.id,
        source: "link",
      },
      {
        referrerUserId: jane.id,
        referredEmail: "friend-b@example.com",
        programId: program.id,
        source: "invitation",
        review: "flagged",
      },
      {
        referrerUserId: janet.id,
        referredEmail: "+cmd@example.com",
        programId: program.id,
        source: "link",
        status: "expired",
      },
    ]);
});
afterAll(() => database.close());

async function adminExport(
  handler: Parameters<typeof get>[0],
  path: string,
  query: Record<string, string>,
) {
  return get(handler, `${path}?${new URLSearchParams(query)}`);
}

describe("the admin's CSV exports list exactly the list page's rows", () => {
  it.each([
    {},
    { q: "jane" },
    { q: "jane_" },
    { q: "bulk", role: "customer" },
    { role: "staff" },
    { role: "owner" },
    { q: "Bulk Three" },
  ])("users %j", async (query: SearchParams) => {
    signInAs(browser, viewer);
    const { filters } = readUserListFilters(query);
    const listed = await listUsers(db(), { ...filters, limit: ALL, offset: 0 });
    const result = await adminExport(
      adminUsersExport,
      "/admin/users/export.csv",
      query as Record<string, string>,
    );
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("content-disposition")).toMatch(/^attachment; filename="users-/);
    // The same rows in the same order: newest first, ties by id, across batches.
    expect(idsOf(result.text)).toEqual(listed.rows.map((row) => row.id));
  });

  it("pages through more rows than a batch holds, each once", async () => {
    signInAs(browser, viewer);
    const result = await adminExport(adminUsersExport, "/admin/users/export.csv", { q: "bulk" });
    const ids = idsOf(result.text);
    expect(ids.length).toBe(EXPORT_BATCH_SIZE * 2 + 7);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([{}, { email: "jane" }, { state: "actual" }, { state: "ended" }, { type: "1" }])(
    "subscriptions %j",
    async (query: SearchParams) => {
      signInAs(browser, viewer);
      const { filters } = readSubscriptionListFilters(query);
      const listed = await listSubscriptions(db(), { ...filters, limit: ALL, offset: 0 });
      const result = await adminExport(
        adminSubscriptionsExport,
        "/admin/subscriptions/export.csv",
        query as Record<string, string>,
      );
      expect(result.status).toBe(200);
      expect(idsOf(result.text)).toEqual(listed.rows.map((row) => row.id));
      expect(listed.rows.length).toBeGreaterThan(0);
    },
  );

  it.each([{}, { status: "paid" }, { status: "refund" }, { gateway: "demo", status: "fail" }])(
    "payments %j",
    async (query: SearchParams) => {
      signInAs(browser, viewer);
      const { filters } = readPaymentListFilters(query);
      const listed = await listPayments(db(), { ...filters, limit: ALL, offset: 0 });
      const result = await adminExport(
        adminPaymentsExport,
        "/admin/payments/export.csv",
        query as Record<string, string>,
      );
      expect(result.status).toBe(200);
      expect(idsOf(result.text)).toEqual(listed.rows.map((row) => row.id));
      expect(listed.rows.length).toBeGreaterThan(0);
    },
  );

  it.each([{}, { status: "expired" }, { flagged: "1" }, { email: "friend-a" }])(
    "referrals %j",
    async (query: SearchParams) => {
      signInAs(browser, viewer);
      const { filters } = readReferralListFilters(query);
      const listed = await listReferrals(db(), { ...filters, limit: ALL, offset: 0 });
      const result = await adminExport(
        adminReferralsExport,
        "/admin/referrals/export.csv",
        query as Record<string, string>,
      );
      expect(result.status).toBe(200);
      expect(idsOf(result.text)).toEqual(listed.rows.map((row) => row.id));
      expect(listed.rows.length).toBeGreaterThan(0);
    },
  );
});

describe("what an export writes", () => {
  it("writes money as a decimal with its currency, times in UTC, and guards formulas", async () => {
    signInAs(browser, viewer);
    const [header, ...records] = parseCsv(
      (await adminExport(adminPaymentsExport, "/admin/payments/export.csv", { status: "fail" }))
        .text,
    );
    expect(header).toEqual([
      "id",
      "user_id",
      "user_email",
      "amount",
      "currency",
      "status",
      "gateway",
      "items",
      "created_at",
      "paid_at",
      "refunded_at",
      "failure_reason",
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]!.slice(3, 7)).toEqual(["12.34", "EUR", "fail", "demo"]);
    expect(records[0]![8]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const users = parseCsv(
      (await adminExport(adminUsersExport, "/admin/users/export.csv", { q: "formula" })).text,
    );
    expect(users[1]![2]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    const friends = parseCsv(
      (
        await adminExport(adminReferralsExport, "/admin/referrals/export.csv", {
          status: "expired",
        })
      ).text,
    );
    expect(friends[1]![8]).toBe("'+cmd@example.com");
    const commas = parseCsv(
      (await adminExport(adminUsersExport, "/admin/users/export.csv", { q: "jane_doe" })).text,
    );
    expect(commas[1]![2]).toBe("Jane, Doe");
  });

  it("records each export in the audit log with the actor and the filters", async () => {
    signInAs(browser, viewer);
    await adminExport(adminSubscriptionsExport, "/admin/subscriptions/export.csv", {
      email: "jane",
      state: "actual",
    });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "export.subscriptions"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({
      actorUserId: viewer.id,
      actorLabel: viewer.email,
      entityType: "subscriptions",
      operation: "event",
      after: { format: "csv", filters: { email: "jane", state: "actual" } },
      clientAddress: "203.0.113.9",
    });
  });

  it("refuses a staff member whose role may not read the list, and a customer", async () => {
    signInAs(browser, marketer);
    const refused = await adminExport(adminPaymentsExport, "/admin/payments/export.csv", {});
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toMatchObject({ error: "forbidden" });
    const customer = await createUser(db(), { email: "plain-customer@example.com" });
    signInAs(browser, customer);
    expect((await adminExport(adminUsersExport, "/admin/users/export.csv", {})).status).toBe(403);
    browser.session = null;
    expect((await adminExport(adminUsersExport, "/admin/users/export.csv", {})).status).toBe(401);
  });
});

describe("the API's exports", () => {
  it("take the list's filters under the list's read scope, and are audited as the token", async () => {
    const token = await createApiToken(db(), {
      name: "exporter",
      scopes: ["users:read", "subscriptions:read", "payments:read", "referrals:read"],
    });
    const usersCsv = await get(
      apiUsersExport,
      "/api/v1/users/export.csv?q=jane&role=customer",
      token.token,
    );
    expect(usersCsv.status).toBe(200);
    const listedUsers = await listUsers(db(), {
      search: "jane",
      roles: ["customer"],
      limit: ALL,
      offset: 0,
    });
    expect(idsOf(usersCsv.text)).toEqual(listedUsers.rows.map((row) => row.id));

    const subs = await get(
      apiSubscriptionsExport,
      `/api/v1/subscriptions/export.csv?subscription_type_id=${types.webYear.id}`,
      token.token,
    );
    const listedSubs = await listSubscriptions(db(), {
      subscriptionTypeId: types.webYear.id,
      limit: ALL,
      offset: 0,
    });
    expect(idsOf(subs.text)).toEqual(listedSubs.rows.map((row) => row.id));
    expect(listedSubs.rows.length).toBe(1);

    const paid = await get(
      apiPaymentsExport,
      "/api/v1/payments/export.csv?status=paid",
      token.token,
    );
    const listedPaid = await listPayments(db(), { status: "paid", limit: ALL, offset: 0 });
    expect(idsOf(paid.text)).toEqual(listedPaid.rows.map((row) => row.id));

    const flagged = await get(
      apiReferralsExport,
      "/api/v1/referrals/export.csv?flagged=true",
      token.token,
    );
    expect(
      parseCsv(flagged.text)
        .slice(1)
        .map((r) => r[8]),
    ).toEqual(["friend-b@example.com"]);

    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "export.referrals"), eq(auditLog.actorTokenId, token.record.id)),
      );
    expect(entry).toMatchObject({
      actorUserId: null,
      actorLabel: "token exporter",
      operation: "event",
    });
  });

  it("refuses a token without the list's scope, and bad filters, with a 4xx and no audit entry", async () => {
    const token = await createApiToken(db(), { name: "narrow", scopes: ["users:read"] });
    const refused = await get(apiPaymentsExport, "/api/v1/payments/export.csv", token.token);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toMatchObject({ error: "insufficient_scope" });
    const bad = await get(apiUsersExport, "/api/v1/users/export.csv?role=emperor", token.token);
    expect(bad.status).toBe(400);
    const entries = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorTokenId, token.record.id));
    expect(entries).toEqual([]);
  });
});
