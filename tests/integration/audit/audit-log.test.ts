// Long for a test: one representative staff mutation per admin area, each checked for the same audit record.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(admin)/admin/api-tokens/actions";
import { saveBannerAction } from "@/app/(admin)/admin/banners/actions";
import { createContentAccessAction } from "@/app/(admin)/admin/content-access/actions";
import { saveEmailTemplateAction } from "@/app/(admin)/admin/email-templates/actions";
import { saveEmailTopicAction } from "@/app/(admin)/admin/email-topics/actions";
import { saveFamilyTypeAction } from "@/app/(admin)/admin/family/actions";
import { saveGoalAction } from "@/app/(admin)/admin/goals/actions";
import { refundPaymentAction } from "@/app/(admin)/admin/payments/actions";
import { saveReferralProgramAction } from "@/app/(admin)/admin/referrals/actions";
import { createScenarioAction } from "@/app/(admin)/admin/scenarios/actions";
import { saveSegmentAction } from "@/app/(admin)/admin/segments/actions";
import { saveReceiptSellerAction } from "@/app/(admin)/admin/settings/receipts/actions";
import { saveSubscriptionTypeAction } from "@/app/(admin)/admin/subscription-types/actions";
import {
  giveSubscriptionAction,
  stopSubscriptionAction,
} from "@/app/(admin)/admin/subscriptions/actions";
import { saveUpgradeSchemaAction } from "@/app/(admin)/admin/upgrades/actions";
import { changeUserRoleAction, createUserAction } from "@/app/(admin)/admin/users/actions";
import { changePasswordAction } from "@/app/(customer)/account/profile/actions";
import { POST as createSegmentRoute } from "@/app/api/v1/segments/route";
import { publishDraftAction, saveDraftGraphAction } from "@/lib/actions/scenarios/builder";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { addDays, freezeClock } from "@/lib/clock";
import {
  apiTokens,
  auditLog,
  payments,
  recurrentPayments,
  scenarios,
  subscriptionTypes,
  users,
  type AuditLogRow,
  type User,
} from "@/lib/db/schema";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { call } from "../../support/call-route";
import { openTestDatabase } from "../../support/test-database";
import { validGraph } from "../scenarios/scenario-graphs";
import { buyPaid, createUser, seedCatalog, uniqueEmail } from "../services/fixtures";
import { auditRowsOf, CLIENT_ADDRESS, runAction, signInAs, type ActionRequest } from "./audit-kit";

/*
 * The audit log records what staff change through server actions and API tokens through the API: one row per changed
 * row, in the change's own transaction, with the actor, the action, the entity, the operation, only the changed
 * fields and the client address. Customers' own changes and the system's work leave nothing; hashes never appear.
 */

const request = vi.hoisted((): ActionRequest => ({ session: null, headers: new Headers() }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => request.session,
}));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let owner: User;
let customer: User;
const PASSWORD = "secret-password-1";

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-05-01T00:00:00Z"));
  await seedCatalog(db());
  owner = await createUser(db(), { email: uniqueEmail("owner"), role: "owner" });
  customer = await createUser(db(), { email: uniqueEmail("customer"), password: PASSWORD });
});
beforeEach(() => signInAs(request, owner));
afterAll(() => database.close());

/** What every row of a staff action carries: who, through what, and from where. */
function expectByOwner(rows: AuditLogRow[], action: string) {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toMatchObject({
      actorUserId: owner.id,
      actorTokenId: null,
      actorLabel: owner.email,
      action,
      clientAddress: CLIENT_ADDRESS,
    });
  }
  // One action is one request: its rows belong together.
  expect(new Set(rows.map((row) => row.requestId)).size).toBe(1);
}

const rowOf = (rows: AuditLogRow[], entityType: string, operation: string) => {
  const found = rows.filter((row) => row.entityType === entityType && row.operation === operation);
  expect(found, `${operation} of ${entityType}`).toHaveLength(1);
  return found[0]!;
};

const typeIdOf = async (code: string) =>
  (await db().select().from(subscriptionTypes).where(eq(subscriptionTypes.code, code)))[0]!.id;

describe("users", () => {
  it("creating a user logs the insert without its password hash; a role change logs only the role (and the sign-out)", async () => {
    const email = uniqueEmail("created");
    const created = await auditRowsOf(db(), () =>
      runAction(createUserAction, {
        email,
        name: "",
        password: "another-secret-9",
        role: "customer",
      }),
    );
    expectByOwner(created, "users.create");
    const insert = rowOf(created, "users", "insert");
    const [user] = await db().select().from(users).where(eq(users.email, email));
    expect(insert).toMatchObject({ entityId: String(user!.id), before: null });
    expect(insert.after).toMatchObject({ email, role: "customer" });
    expect(insert.after).not.toHaveProperty("password_hash");

    const changed = await auditRowsOf(db(), () =>
      runAction(changeUserRoleAction, { userId: user!.id, role: "support" }),
    );
    expectByOwner(changed, "users.change-role");
    expect(
      changed.every((row) => row.entityType === "users" && row.entityId === String(user!.id)),
    ).toBe(true);
    const fields = new Set(changed.flatMap((row) => Object.keys(row.after ?? {})));
    expect([...fields].sort()).toEqual(["role", "session_version"]);
    expect(changed.find((row) => row.after?.role)).toMatchObject({
      operation: "update",
      before: { role: "customer" },
      after: { role: "support" },
    });
  });
});

describe("catalog", () => {
  const typeForm = {
    id: "",
    code: "audit_type",
    name: "Audit type",
    lengthDays: 30,
    price: "5.00",
    contentAccessCodes: ["web"],
    isDefault: "on",
    active: "on",
    nextSubscriptionTypeCode: "",
    offered: "on",
    position: 10,
    description: "",
  };

  it("a subscription type's creation logs it and its content; an edit logs only the fields that changed", async () => {
    const created = await auditRowsOf(db(), () => runAction(saveSubscriptionTypeAction, typeForm));
    expectByOwner(created, "subscription-types.save");
    const id = await typeIdOf("audit_type");
    expect(rowOf(created, "subscription_types", "insert")).toMatchObject({
      entityId: String(id),
      after: { code: "audit_type", name: "Audit type", price_cents: 500, length_days: 30 },
    });
    expect(rowOf(created, "subscription_type_content_access", "insert").entityId).toBe(String(id));

    const edited = await auditRowsOf(db(), () =>
      runAction(saveSubscriptionTypeAction, {
        ...typeForm,
        id,
        name: "Audit type II",
        price: "6.50",
      }),
    );
    expectByOwner(edited, "subscription-types.save");
    expect(rowOf(edited, "subscription_types", "update")).toMatchObject({
      entityId: String(id),
      before: { name: "Audit type", price_cents: 500 },
      after: { name: "Audit type II", price_cents: 650 },
    });
    expect(Object.keys(rowOf(edited, "subscription_types", "update").after!).sort()).toEqual([
      "name",
      "price_cents",
    ]);
    // The content access did not change: its links are neither deleted nor inserted again.
    expect(edited.map((row) => row.entityType)).toEqual(["subscription_types"]);
  });

  it("a refused change leaves no audit row: the record is part of the change's transaction", async () => {
    const rows = await auditRowsOf(db(), async () => {
      const state = await runAction(createContentAccessAction, { code: "web", name: "Web again" });
      expect(state).toMatchObject({ ok: false, error: "content_access_exists" });
    });
    expect(rows).toEqual([]);
  });

  it("an upgrade schema, a family type and the receipt settings are logged", async () => {
    const schema = await auditRowsOf(db(), () =>
      runAction(saveUpgradeSchemaAction, { id: "", name: "Audit upgrades" }),
    );
    expectByOwner(schema, "upgrade-schemas.save");
    expect(rowOf(schema, "upgrade_schemas", "insert").after).toMatchObject({
      name: "Audit upgrades",
    });

    const family = await auditRowsOf(db(), () =>
      runAction(saveFamilyTypeAction, {
        id: "",
        masterTypeCode: "web_year",
        childTypeCode: "web_month",
        donationMethod: "copy",
        count: 3,
        renewalGapDays: 0,
      }),
    );
    expectByOwner(family, "family-types.save");
    expect(rowOf(family, "family_subscription_types", "insert").after).toMatchObject({ count: 3 });

    const seller = await auditRowsOf(db(), () =>
      runAction(saveReceiptSellerAction, {
        name: "Audit Press Ltd",
        address_lines: "1 Audit Street\nLondon",
        vat_id: "GB123",
        vat_rate_percent: "20",
      }),
    );
    expectByOwner(seller, "receipt-settings.save");
    const setting = rowOf(seller, "app_settings", "insert");
    expect(setting.entityId).toBe("receipts.seller");
    expect(setting.after).toMatchObject({ value: { name: "Audit Press Ltd" } });
  });
});

describe("customers and billing", () => {
  it("giving and stopping a subscription are logged with the customer's id and the changed end", async () => {
    const typeId = await typeIdOf("web_month");
    const gift = await auditRowsOf(db(), () =>
      runAction(giveSubscriptionAction, {
        userId: customer.id,
        subscriptionTypeId: typeId,
        kind: "gift",
      }),
    );
    expectByOwner(gift, "subscriptions.give");
    const insert = rowOf(gift, "subscriptions", "insert");
    expect(insert.after).toMatchObject({ user_id: customer.id, kind: "gift" });

    const stopped = await auditRowsOf(db(), () =>
      runAction(stopSubscriptionAction, { subscriptionId: insert.entityId! }),
    );
    expectByOwner(stopped, "subscriptions.stop");
    const update = rowOf(stopped, "subscriptions", "update");
    expect(update.entityId).toBe(insert.entityId);
    expect(update.after).toHaveProperty("end_at");
    expect(update.after).not.toHaveProperty("user_id");
  });

  it("a renewal charged by the system leaves no row; the staff refund of it at the demo gateway does", async () => {
    const buyer = await createUser(db(), { email: uniqueEmail("renewing") });
    const bought = await auditRowsOf(db(), () => buyPaid(db(), buyer.id, "web_month", "tok_visa"));
    expect(bought).toEqual([]);
    freezeClock(addDays(new Date("2026-05-01T00:00:00Z"), 32));
    const [recurrent] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.userId, buyer.id));
    let renewalId = 0;
    const renewal = await auditRowsOf(db(), async () => {
      const outcome = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent!.id });
      expect(outcome.status).toBe("charged");
      if (outcome.status === "charged") renewalId = outcome.payment.id;
    });
    expect(renewal).toEqual([]);

    const refund = await auditRowsOf(db(), () =>
      runAction(refundPaymentAction, { paymentId: renewalId }),
    );
    expectByOwner(refund, "payments.refund");
    // The refund, then its credit note number: two updates of the payment, each with its own fields.
    const updates = refund.filter((row) => row.entityType === "payments");
    expect(updates.every((row) => row.entityId === String(renewalId))).toBe(true);
    expect(updates.find((row) => row.after?.status)).toMatchObject({
      before: { status: "paid" },
      after: { status: "refund" },
    });
    expect(rowOf(refund, "subscriptions", "update").after).toHaveProperty("end_at");
    const [payment] = await db().select().from(payments).where(eq(payments.id, renewalId));
    expect(payment?.status).toBe("refund");
  });
});

describe("automation", () => {
  it("a scenario's creation, draft and publication are logged as the scenario and its version", async () => {
    const created = await auditRowsOf(db(), () =>
      runAction(createScenarioAction, { name: "Audit scenario", reentry: "once" }),
    );
    expectByOwner(created, "scenarios.create");
    const insert = rowOf(created, "scenarios", "insert");
    expect(insert.after).toMatchObject({ name: "Audit scenario", status: "draft" });
    const id = Number(insert.entityId);

    const drafted = await auditRowsOf(db(), () =>
      runAction(saveDraftGraphAction, { id, graph: JSON.stringify(validGraph()) }),
    );
    expectByOwner(drafted, "scenarios.save-draft");
    expect(Object.keys(rowOf(drafted, "scenarios", "update").after!)).toContain("draft_graph");

    const published = await auditRowsOf(db(), () =>
      runAction(publishDraftAction, { id, note: "first" }),
    );
    expectByOwner(published, "scenarios.publish");
    expect(rowOf(published, "scenario_versions", "insert").after).toMatchObject({
      scenario_id: id,
      number: 1,
      note: "first",
    });
    const [scenario] = await db().select().from(scenarios).where(eq(scenarios.id, id));
    expect(rowOf(published, "scenarios", "update").after).toMatchObject({
      current_version_id: scenario!.currentVersionId,
    });

    // A graph longer than 2,000 characters is logged by its size, not copied on every autosave.
    const bigGraph = validGraph();
    for (let index = 0; index < 30; index++) {
      bigGraph.nodes.push({
        id: `wait-${index}`,
        type: "wait",
        config: { minutes: 60 },
        position: { x: 200, y: index * 100 },
        openPorts: ["out"],
      });
    }
    expect(JSON.stringify(bigGraph).length).toBeGreaterThan(2_000);
    const redrafted = await auditRowsOf(db(), () =>
      runAction(saveDraftGraphAction, { id, graph: JSON.stringify(bigGraph) }),
    );
    const graphChange = rowOf(redrafted, "scenarios", "update");
    expect(graphChange.after!.draft_graph).toEqual({
      omitted: expect.stringMatching(/^\d+ characters$/),
    });
  });

  const AREAS = [
    {
      action: "segments.save",
      run: () =>
        runAction(saveSegmentAction, {
          id: "",
          code: "audit-segment",
          name: "Audit segment",
          rules: JSON.stringify({ match: "all", rules: [] }),
        }),
      entityType: "segments",
      after: { code: "audit-segment" },
    },
    {
      action: "email-templates.save",
      run: () =>
        runAction(saveEmailTemplateAction, {
          id: "",
          code: "audit-template",
          name: "Audit template",
          subject: "Hello",
          bodyHtml: "<p>Hello</p>",
          bodyText: "Hello",
          topic: "news",
          trackEngagement: "off",
        }),
      entityType: "email_templates",
      after: { code: "audit-template", subject: "Hello", track_engagement: false },
    },
    {
      action: "email-topics.save",
      run: () =>
        runAction(saveEmailTopicAction, {
          id: "",
          code: "audit-topic",
          name: "Audit topic",
          description: "",
          sorting: "5",
        }),
      entityType: "email_topics",
      // An unticked box is absent from the form: the topic is opt-in.
      after: {
        code: "audit-topic",
        subscribed_by_default: false,
        transactional: false,
        sorting: 5,
      },
    },
    {
      action: "banners.save",
      run: () =>
        runAction(saveBannerAction, { id: "", title: "Audit banner", text: "", style: "info" }),
      entityType: "banners",
      after: { title: "Audit banner" },
    },
    {
      action: "goals.save",
      run: () => runAction(saveGoalAction, { id: "", code: "audit_goal", name: "Audit goal" }),
      entityType: "goals",
      after: { code: "audit_goal" },
    },
    {
      action: "referral-programs.save",
      run: () =>
        runAction(saveReferralProgramAction, {
          id: "",
          program: JSON.stringify({
            name: "Audit program",
            is_default: true,
            triggers: [{ type: "sign_up", options: {} }],
            reward: {
              type: "free_days",
              options: { days: 30, subscription_type_code: "web_month" },
            },
          }),
        }),
      entityType: "referral_programs",
      after: { name: "Audit program" },
    },
  ];

  it.each(AREAS)(
    "$action logs the new $entityType row",
    async ({ action, run, entityType, after }) => {
      const rows = await auditRowsOf(db(), run);
      expectByOwner(rows, action);
      expect(rowOf(rows, entityType, "insert").after).toMatchObject(after);
    },
  );
});

describe("API tokens", () => {
  it("creating and revoking a token are logged, never its hash", async () => {
    const created = await auditRowsOf(db(), () =>
      runAction(createApiTokenAction, { name: "audit-token", scopes: ["segments"] }),
    );
    expectByOwner(created, "api-tokens.create");
    const insert = rowOf(created, "api_tokens", "insert");
    expect(insert.after).toMatchObject({ name: "audit-token", scopes: ["segments"] });
    expect(insert.after).not.toHaveProperty("token_hash");
    const [token] = await db().select().from(apiTokens).where(eq(apiTokens.name, "audit-token"));
    expect(JSON.stringify(insert)).not.toContain(token!.tokenHash);

    const revoked = await auditRowsOf(db(), () =>
      runAction(revokeApiTokenAction, { tokenId: token!.id }),
    );
    expectByOwner(revoked, "api-tokens.revoke");
    expect(Object.keys(rowOf(revoked, "api_tokens", "update").after!)).toEqual(["revoked_at"]);
  });

  it("a token's request is logged with the token as the actor and the request as the action", async () => {
    const { token, record } = await createApiToken(db(), {
      name: "segments-bot",
      scopes: ["segments"],
    });
    const rows = await auditRowsOf(db(), async () => {
      const response = await call(createSegmentRoute, "POST", "/segments", {
        token,
        headers: { "x-forwarded-for": "198.51.100.4" },
        body: { code: "bot-segment", name: "Bot segment", rules: { match: "all", rules: [] } },
      });
      expect(response.status).toBe(201);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUserId: null,
      actorTokenId: record.id,
      actorLabel: "token segments-bot",
      action: "POST /api/v1/segments",
      entityType: "segments",
      operation: "insert",
      clientAddress: "198.51.100.4",
      after: { code: "bot-segment" },
    });
  });
});

describe("what is not logged", () => {
  it("a customer's own change leaves nothing; the same change by a staff member is logged with the hash hidden", async () => {
    signInAs(request, customer);
    const own = await auditRowsOf(db(), async () => {
      const state = await runAction(changePasswordAction, {
        currentPassword: PASSWORD,
        newPassword: "a-new-password-2",
      });
      expect(state).toMatchObject({ ok: true });
    });
    expect(own).toEqual([]);

    const staff = await createUser(db(), {
      email: uniqueEmail("support"),
      role: "support",
      password: PASSWORD,
    });
    signInAs(request, staff);
    const rows = await auditRowsOf(db(), () =>
      runAction(changePasswordAction, {
        currentPassword: PASSWORD,
        newPassword: "a-new-password-3",
      }),
    );
    const hashRow = rows.find((row) => row.after && "password_hash" in row.after);
    expect(hashRow).toMatchObject({
      actorUserId: staff.id,
      entityType: "users",
      entityId: String(staff.id),
      before: { password_hash: "(hidden)" },
      after: { password_hash: "(changed)" },
    });
  });

  it("no row anywhere in the log holds a password hash", async () => {
    const hashes = (await db().select({ hash: users.passwordHash }).from(users))
      .map((row) => row.hash)
      .filter((hash): hash is string => hash !== null);
    expect(hashes.length).toBeGreaterThan(0);
    const logged = JSON.stringify(await db().select().from(auditLog));
    for (const hash of hashes) expect(logged).not.toContain(hash);
    expect(logged).not.toMatch(/\$2[aby]\$/);
  });
});
