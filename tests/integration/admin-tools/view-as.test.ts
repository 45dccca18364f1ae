import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { stopMyRecurrentPaymentAction } from "@/app/(customer)/account/actions";
import { GET as receiptRoute } from "@/app/(customer)/account/billing/receipts/[paymentId]/route";
import { startViewAsAction } from "@/lib/actions/view-as/start-view-as";
import { stopViewAsAction } from "@/lib/actions/view-as/stop-view-as";
import { currentUser, requireUserPage, requireUserPageView } from "@/lib/auth/session";
import { currentViewAs } from "@/lib/auth/view-as/current-view-as";
import { VIEW_AS_COOKIE } from "@/lib/auth/view-as/view-as-cookie";
import { advanceClock, freezeClock } from "@/lib/clock";
import { auditLog, payments, recurrentPayments, type User } from "@/lib/db/schema";
import { openTestDatabase } from "../../support/test-database";
import { runAction } from "../audit/audit-kit";
import { buyPaid, createUser, seedCatalog } from "../services/fixtures";
import { cookieStoreOf, signInAs, type FakeBrowser } from "./admin-tools-kit";

/*
 * "View as customer": a staff member who reads customers sees a customer's account through a signed, short-lived
 * cookie; while it lasts every customer action is refused (403 read_only_view), staff accounts cannot be viewed, a
 * cookie that is tampered with, expired or someone else's is no view, and start and stop are in the audit log with
 * the staff member as actor.
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
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// Customer actions answer in the customer's language; outside a request, English.
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getLocale: async () => "en",
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let support: User;
let viewer: User;
let customer: User;
let recurrentPaymentId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-05-01T00:00:00Z"));
  await seedCatalog(db());
  support = await createUser(db(), { email: "support@example.com", role: "support" });
  viewer = await createUser(db(), { email: "viewer@example.com", role: "viewer" });
  customer = await createUser(db(), { email: "jane@example.com", password: "secret-password" });
  await buyPaid(db(), customer.id, "web_month", "tok_visa");
  const [recurrent] = await db()
    .select()
    .from(recurrentPayments)
    .where(eq(recurrentPayments.userId, customer.id));
  recurrentPaymentId = recurrent!.id;
});
beforeEach(() => {
  browser.cookies.clear();
  signInAs(browser, support);
});
afterAll(() => database.close());

const auditOf = (action: string) => db().select().from(auditLog).where(eq(auditLog.action, action));

async function renewalState() {
  const [row] = await db()
    .select({ state: recurrentPayments.state })
    .from(recurrentPayments)
    .where(eq(recurrentPayments.id, recurrentPaymentId));
  return row!.state;
}

describe("view as customer", () => {
  it("opens the customer's account read-only, refuses their actions, and audits start and stop", async () => {
    expect(await runAction(startViewAsAction, { userId: customer.id })).toEqual({ ok: true });
    expect(browser.cookies.get(VIEW_AS_COOKIE)).toMatch(/^[\w-]+\.[\w-]+$/);
    const [start] = await auditOf("users.view-as-start");
    expect(start).toMatchObject({
      actorUserId: support.id,
      actorLabel: support.email,
      entityType: "users",
      entityId: String(customer.id),
      operation: "event",
      clientAddress: "203.0.113.9",
    });

    // The customer zone's pages show the customer; the signed-in user is still the staff member.
    expect((await requireUserPage("/account")).id).toBe(customer.id);
    expect((await currentUser())?.id).toBe(support.id);

    const refused = await runAction(stopMyRecurrentPaymentAction, { recurrentPaymentId });
    expect(refused).toMatchObject({ ok: false, error: "read_only_view" });
    expect(await renewalState()).toBe("active");

    expect(await runAction(stopViewAsAction, {})).toEqual({ ok: true });
    expect(browser.cookies.has(VIEW_AS_COOKIE)).toBe(false);
    const [stop] = await auditOf("users.view-as-stop");
    expect(stop).toMatchObject({
      actorUserId: support.id,
      entityType: "users",
      entityId: String(customer.id),
      operation: "event",
    });
    expect((await requireUserPage("/account")).id).toBe(support.id);
  });

  it("leaves billing out for a staff member whose role does not see it: no payments, no card, no receipts", async () => {
    const [payment] = await db().select().from(payments).where(eq(payments.userId, customer.id));
    const receipt = () =>
      receiptRoute(new NextRequest(`http://localhost/account/billing/receipts/${payment!.id}`), {
        params: Promise.resolve({ paymentId: String(payment!.id) }),
      });
    const marketer = await createUser(db(), { email: "marketer@example.com", role: "marketer" });
    for (const [staff, shown] of [
      [marketer, false],
      [support, true],
    ] as const) {
      signInAs(browser, staff);
      expect(await runAction(startViewAsAction, { userId: customer.id })).toEqual({ ok: true });
      expect(await requireUserPageView("/account")).toMatchObject({
        user: { id: customer.id },
        readOnly: true,
        billingShown: shown,
      });
      expect((await receipt()).status).toBe(shown ? 200 : 404);
      expect(await runAction(stopViewAsAction, {})).toEqual({ ok: true });
    }
  });

  it("never views a staff account", async () => {
    const result = await runAction(startViewAsAction, { userId: viewer.id });
    expect(result).toMatchObject({ ok: false, error: "view_as_staff_refused" });
    expect(browser.cookies.has(VIEW_AS_COOKIE)).toBe(false);
    const missing = await runAction(startViewAsAction, { userId: 999_999 });
    expect(missing).toMatchObject({ ok: false, error: "user_not_found" });
  });

  it("is refused to a customer", async () => {
    signInAs(browser, customer);
    const result = await runAction(startViewAsAction, { userId: customer.id });
    expect(result).toMatchObject({ ok: false, error: "forbidden" });
    expect(browser.cookies.has(VIEW_AS_COOKIE)).toBe(false);
  });

  it("is no view with a tampered, someone else's or expired cookie", async () => {
    await runAction(startViewAsAction, { userId: customer.id });
    const token = browser.cookies.get(VIEW_AS_COOKIE)!;
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, "base64url").toString()),
        c: viewer.id,
      }),
    ).toString("base64url");
    browser.cookies.set(VIEW_AS_COOKIE, `${forged}.${signature}`);
    expect(await currentViewAs(support)).toBeNull();

    browser.cookies.set(VIEW_AS_COOKIE, token);
    expect((await currentViewAs(support))?.customer.id).toBe(customer.id);
    // Another staff member's browser holding the same cookie sees their own account.
    signInAs(browser, viewer);
    expect(await currentViewAs(viewer)).toBeNull();
    expect((await requireUserPage("/account")).id).toBe(viewer.id);

    signInAs(browser, support);
    advanceClock(31 * 60_000);
    expect(await currentViewAs(support)).toBeNull();
    // Once the view is over, the staff member's own account works again.
    expect((await requireUserPage("/account")).id).toBe(support.id);
  });

  it("leaves the customer's own actions working when nobody views", async () => {
    signInAs(browser, customer);
    const result = await runAction(stopMyRecurrentPaymentAction, { recurrentPaymentId });
    expect(result).toMatchObject({ ok: true });
    expect(await renewalState()).toBe("user_stop");
    const rows = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, customer.id)));
    expect(rows).toEqual([]);
  });
});
