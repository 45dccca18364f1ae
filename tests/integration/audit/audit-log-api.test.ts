import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditLogRoute } from "@/app/api/v1/audit-log/route";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { adminActor } from "@/lib/auth/actor";
import { withAuditContext } from "@/lib/audit/audit-context";
import { auditLogListSchema } from "@/lib/audit/audit-json";
import { entityHref } from "@/lib/audit/audited-tables";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { users, type User } from "@/lib/db/schema";
import { createScenario } from "@/lib/scenarios/admin/create-scenario";
import { publishScenario } from "@/lib/scenarios/admin/publish-scenario";
import { saveSegment } from "@/lib/segments/save-segment";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { stopSubscription } from "@/lib/subscriptions/stop-subscription";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "../api/api-test-kit";
import { openTestDatabase } from "../../support/test-database";
import { validGraph } from "../scenarios/scenario-graphs";
import { createUser, seedCatalog, uniqueEmail } from "../services/fixtures";

/*
 * Reading the audit log: the filters of the admin page and GET /api/v1/audit-log (actor, action, entity, an entity
 * with the rows that belong to it, period), newest first in pages, with the actor's current name.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let tokens: Tokens;
let owner: User;
let admin: User;
let customer: User;
let otherCustomer: User;
let botId: number;
const ids = { type: 0, subscription: 0, otherSubscription: 0, scenario: 0 };

/** Changes as a staff member's server action would make them. */
const asStaff = <T>(staff: User, action: string, work: () => Promise<T>) =>
  withAuditContext(
    {
      actorUserId: staff.id,
      actorTokenId: null,
      actorLabel: staff.email,
      action,
      clientAddress: "192.0.2.1",
    },
    work,
  );

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(db(), "audit:read");
  const catalog = await seedCatalog(db());
  owner = await createUser(db(), { email: uniqueEmail("owner"), role: "owner" });
  admin = await createUser(db(), { email: uniqueEmail("admin"), role: "admin" });
  customer = await createUser(db(), { email: uniqueEmail("customer") });
  otherCustomer = await createUser(db(), { email: uniqueEmail("other") });

  ids.type = (
    await asStaff(owner, "subscription-types.save", () =>
      saveSubscriptionType(db(), {
        code: "audit_api",
        name: "Audit API",
        lengthDays: 30,
        priceCents: 300,
        contentAccessCodes: ["web", "print"],
      }),
    )
  ).id;
  ids.subscription = (
    await asStaff(admin, "subscriptions.give", () =>
      createSubscription(db(), {
        userId: customer.id,
        subscriptionTypeId: catalog.webMonth.id,
        kind: "gift",
      }),
    )
  ).id;
  ids.otherSubscription = (
    await asStaff(admin, "subscriptions.give", () =>
      createSubscription(db(), {
        userId: otherCustomer.id,
        subscriptionTypeId: catalog.webMonth.id,
      }),
    )
  ).id;
  await asStaff(owner, "subscriptions.stop", () =>
    stopSubscription(db(), { subscriptionId: ids.subscription, actor: adminActor(owner.id) }),
  );
  const bot = await createApiToken(db(), { name: "segment-bot", scopes: ["segments"] });
  botId = bot.record.id;
  await withAuditContext(
    {
      actorUserId: null,
      actorTokenId: botId,
      actorLabel: "token segment-bot",
      action: "POST /api/v1/segments",
      clientAddress: null,
    },
    () => saveSegment(db(), { code: "bots", name: "Bots", rules: { match: "all", rules: [] } }),
  );
  ids.scenario = (
    await asStaff(admin, "scenarios.create", async () => {
      const scenario = await createScenario(db(), { name: "Audited", graph: validGraph() });
      await publishScenario(db(), { scenarioId: scenario.id });
      return scenario;
    })
  ).id;
});
afterAll(() => database.close());

const list = (filters: Parameters<typeof listAuditLog>[1]) => listAuditLog(db(), filters);
const page = { limit: 50, offset: 0 };

describe("listAuditLog", () => {
  it("lists every change newest first with the total, in pages", async () => {
    const all = await list(page);
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.at(0)).toMatchObject({ action: "scenarios.create" });
    expect(all.rows.at(-1)).toMatchObject({ action: "subscription-types.save" });
    const second = await list({ limit: 2, offset: 2 });
    expect(second.total).toBe(all.total);
    expect(second.rows.map((row) => row.id)).toEqual(all.rows.slice(2, 4).map((row) => row.id));
  });

  it("filters by actor, a staff member or a token", async () => {
    const byOwner = await list({ ...page, actorUserId: owner.id });
    expect(new Set(byOwner.rows.map((row) => row.action))).toEqual(
      new Set(["subscription-types.save", "subscriptions.stop"]),
    );
    const byBot = await list({ ...page, actorTokenId: botId });
    expect(byBot.rows).toHaveLength(1);
    expect(byBot.rows[0]).toMatchObject({
      actorUserId: null,
      actorTokenName: "segment-bot",
      entityType: "segments",
    });
  });

  it("filters by part of the action, case-insensitively, with LIKE's wildcards taken literally", async () => {
    const subscriptionActions = await list({ ...page, action: "SUBSCRIPTIONS." });
    expect(new Set(subscriptionActions.rows.map((row) => row.action))).toEqual(
      new Set(["subscriptions.give", "subscriptions.stop"]),
    );
    expect((await list({ ...page, action: "subscriptions_" })).total).toBe(0);
    expect((await list({ ...page, action: "%" })).total).toBe(0);
  });

  it("filters by entity; with related rows, a user's history holds their subscriptions' changes and no one else's", async () => {
    const own = await list({ ...page, entityType: "users", entityId: String(customer.id) });
    expect(own.total).toBe(0);
    const history = await list({
      ...page,
      entityType: "users",
      entityId: String(customer.id),
      includeRelated: true,
    });
    expect(history.rows.map((row) => [row.entityType, row.entityId, row.operation])).toEqual([
      ["subscriptions", String(ids.subscription), "update"],
      ["subscriptions", String(ids.subscription), "insert"],
    ]);
    // The stop logged only the changed end; the row's owner is read from the subscription as it is now.
    const [stop] = history.rows;
    expect(stop?.after).not.toHaveProperty("user_id");
    expect(stop?.ownerIds).toEqual({ user_id: customer.id });
    expect(
      entityHref(stop!.entityType, stop!.entityId, { ...stop!.after, ...stop!.ownerIds }),
    ).toBe(`/admin/users/${customer.id}`);
  });

  it("a subscription type's history holds its content rows; a scenario's its versions", async () => {
    const type = await list({
      ...page,
      entityType: "subscription_types",
      entityId: String(ids.type),
      includeRelated: true,
    });
    expect(type.rows.map((row) => row.entityType).sort()).toEqual([
      "subscription_type_content_access",
      "subscription_type_content_access",
      "subscription_types",
    ]);
    const scenario = await list({
      ...page,
      entityType: "scenarios",
      entityId: String(ids.scenario),
      includeRelated: true,
    });
    expect(new Set(scenario.rows.map((row) => row.entityType))).toEqual(
      new Set(["scenarios", "scenario_versions"]),
    );
    const alone = await list({ ...page, entityType: "scenarios", entityId: String(ids.scenario) });
    expect(alone.rows.every((row) => row.entityType === "scenarios")).toBe(true);
    expect(alone.total).toBeLessThan(scenario.total);
  });

  it("filters by period, the bounds included", async () => {
    const all = await list(page);
    const first = all.rows.at(-1)!.occurredAt;
    const last = all.rows[0]!.occurredAt;
    const inside = await list({ ...page, from: first, until: new Date(last.getTime() + 1) });
    expect(inside.total).toBe(all.total);
    expect((await list({ ...page, from: new Date(last.getTime() + 1) })).total).toBe(0);
    expect((await list({ ...page, until: first })).total).toBe(0);
  });

  it("names the actor as they are now, and keeps the name they had then", async () => {
    const renamed = uniqueEmail("renamed");
    await db().update(users).set({ email: renamed }).where(eq(users.id, owner.id));
    const rows = (await list({ ...page, actorUserId: owner.id })).rows;
    expect(rows[0]).toMatchObject({ actorUserEmail: renamed, actorLabel: owner.email });
  });
});

describe("GET /api/v1/audit-log", () => {
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: auditLogRoute,
    method: "GET",
    path: "/audit-log",
    auth: "api",
  });

  const get = (query: Record<string, string> = {}) =>
    call(auditLogRoute, "GET", "/audit-log", { token: tokens.api, query });

  it("answers the log as documented, newest first, and reading it logs nothing", async () => {
    const first = await get();
    expect(first.status).toBe(200);
    const parsed = auditLogListSchema.parse(first.json);
    expect(parsed.total).toBe(parsed.entries.length);
    expect(parsed.entries[0]).toMatchObject({ action: "scenarios.create" });
    const bot = parsed.entries.find((entry) => entry.actor.kind === "api_token");
    expect(bot).toMatchObject({
      actor: {
        kind: "api_token",
        id: botId,
        label: "token segment-bot",
        current_name: "segment-bot",
      },
      action: "POST /api/v1/segments",
      entity_type: "segments",
      operation: "insert",
      before: null,
      after: { code: "bots", name: "Bots" },
      client_address: null,
    });
    expect((await get()).json.total).toBe(parsed.total);
  });

  it("takes the page's filters", async () => {
    const history = await get({
      entity_type: "users",
      entity_id: String(customer.id),
      include_related: "true",
    });
    expect(history.status).toBe(200);
    expect(history.json.entries.map((entry: { operation: string }) => entry.operation)).toEqual([
      "update",
      "insert",
    ]);
    // An id no row can have is an empty history, not an error.
    for (const entityId of ["99999999999", "1e3", "-1"]) {
      const none = await get({
        entity_type: "users",
        entity_id: entityId,
        include_related: "true",
      });
      expect(none.json).toMatchObject({ total: 0 });
    }
    const byToken = await get({ actor_token_id: String(botId) });
    expect(byToken.json.total).toBe(1);
    const byAdmin = await get({ actor_user_id: String(admin.id), action: "give", limit: "1" });
    expect(byAdmin.json).toMatchObject({ total: 2 });
    expect(byAdmin.json.entries).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get({ from: today, to: today })).json.total).toBeGreaterThan(0);
    expect((await get({ to: "2000-01-01" })).json.total).toBe(0);
    expect((await get({ from: "2999-01-01T00:00:00+02:00" })).json.total).toBe(0);
  });

  it.each<{ name: string; query: Record<string, string> }>([
    { name: "an unknown entity type", query: { entity_type: "passwords" } },
    { name: "related rows without an entity", query: { include_related: "true" } },
    { name: "a date that is not one", query: { from: "yesterday" } },
    { name: "a timestamp without an offset", query: { to: "2026-01-01T00:00:00" } },
    { name: "the year 0", query: { from: "0000-01-01" } },
    { name: "the last day of year 9999", query: { to: "9999-12-31" } },
    { name: "an actor id out of range", query: { actor_user_id: "99999999999" } },
    { name: "a limit of 0", query: { limit: "0" } },
    { name: "an unknown parameter", query: { user: "1" } },
  ])("refuses $name with 400 validation_error", async ({ query }) => {
    await expectRefusedWithoutChange(db(), () => get(query), {
      status: 400,
      error: "validation_error",
    });
  });
});
