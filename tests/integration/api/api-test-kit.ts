import { count, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { ApiScope } from "@/lib/api-tokens/api-scopes";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import type { Db } from "@/lib/db";
import {
  apiTokens,
  contentAccess,
  banners,
  demoGatewayCharges,
  gatewayCustomers,
  gatewayWebhookEvents,
  events,
  familyRequests,
  referralPrograms,
  referralLinks,
  referrals,
  referralRewards,
  discountCodes,
  emailLog,
  familySubscriptionTypes,
  goalCompletions,
  goals,
  paymentItems,
  payments,
  recurrentPayments,
  scenarioRuns,
  scenarios,
  scenarioVersions,
  segments,
  subscriptions,
  subscriptionTypeContentAccess,
  subscriptionTypes,
  subscriptionTypeUpgradeSchemas,
  subscriptionUpgrades,
  upgradeOptions,
  upgradeSchemas,
  userBanners,
  userActionTokens,
  users,
  userTokens,
} from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { call, type ApiResult, type CallOptions, type Handler } from "../../support/call-route";

/** Calls v1 route handlers (call-route.ts), and checks that refused requests change nothing in the database. */

export {
  call,
  withParams,
  type ApiResult,
  type CallOptions,
  type Handler,
} from "../../support/call-route";

const COUNTED_TABLES = {
  users,
  user_tokens: userTokens,
  user_action_tokens: userActionTokens,
  api_tokens: apiTokens,
  content_access: contentAccess,
  subscription_types: subscriptionTypes,
  subscription_type_content_access: subscriptionTypeContentAccess,
  subscriptions,
  payments,
  payment_items: paymentItems,
  recurrent_payments: recurrentPayments,
  events,
  banners,
  user_banners: userBanners,
  goals,
  goal_completions: goalCompletions,
  segments,
  scenarios,
  scenario_versions: scenarioVersions,
  scenario_runs: scenarioRuns,
  upgrade_schemas: upgradeSchemas,
  upgrade_options: upgradeOptions,
  subscription_type_upgrade_schemas: subscriptionTypeUpgradeSchemas,
  subscription_upgrades: subscriptionUpgrades,
  family_subscription_types: familySubscriptionTypes,
  family_requests: familyRequests,
  referral_programs: referralPrograms,
  referral_links: referralLinks,
  referrals,
  referral_rewards: referralRewards,
  discount_codes: discountCodes,
  email_log: emailLog,
  demo_gateway_charges: demoGatewayCharges,
  gateway_customers: gatewayCustomers,
  gateway_webhook_events: gatewayWebhookEvents,
};

/** Row counts of every table of the subscription core, in one query (tests call this around every refusal). */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const [row] = await db
    .select(
      Object.fromEntries(
        Object.entries(COUNTED_TABLES).map(([name, table]) => [
          name,
          sql<number>`(${db.select({ n: count() }).from(table)})`.mapWith(Number),
        ]),
      ),
    )
    .from(sql`(select 1) as counted`);
  if (!row) throw new Error("The count query returned no row.");
  return row;
}

/** Run a request that must be refused, and check that no table gained or lost a row. */
export async function expectRefusedWithoutChange(
  db: Db,
  request: () => Promise<ApiResult>,
  expected: { status: number; error: string },
): Promise<ApiResult> {
  const before = await countRows(db);
  const result = await request();
  expect(result.json, JSON.stringify(result.json)).toMatchObject({ error: expected.error });
  expect(typeof result.json.message).toBe("string");
  expect(result.status).toBe(expected.status);
  expect(await countRows(db)).toEqual(before);
  return result;
}

export interface Tokens {
  /** An API token with every scope this route needs. */
  api: string;
  /** An API token lacking the route's scope. */
  otherScope: string;
  /** A customer's user token. */
  user: string;
  userId: number;
}

let tokenCounter = 0;

export async function createTokens(db: Db, scope: ApiScope | null): Promise<Tokens> {
  tokenCounter++;
  const api = await createApiToken(db, {
    name: `full ${tokenCounter}`,
    scopes: scope ? [scope] : ["users:read"],
  });
  const other = await createApiToken(db, {
    name: `other ${tokenCounter}`,
    scopes: [scope === "users:read" ? "events:write" : "users:read"],
  });
  const user = await createUser(db, {
    email: `token-owner-${tokenCounter}@example.com`,
    password: "secret-password",
  });
  const { token } = await issueUserToken(db, { userId: user.id });
  return { api: api.token, otherScope: other.token, user: token, userId: user.id };
}

export interface GuardSpec {
  db: () => Db;
  tokens: () => Tokens;
  handler: Handler;
  method: string;
  path: string;
  auth: "api" | "user" | "none";
  /** A body that would succeed (fresh each call), for routes with a body. */
  validBody?: () => unknown;
  /** Bodies whose fields do not validate, each with the error code the route answers. */
  invalidBodies?: { name: string; body: () => unknown; error: string; status?: number }[];
}

/**
 * The refusals every route shares: no token, an unknown token, the wrong kind of token, a missing scope, malformed
 * JSON, an empty body and invalid fields. Each must be a 4xx with a code and leave the database as it was.
 */
export function itRefusesBadRequests(spec: GuardSpec): void {
  const send = (options: CallOptions) => call(spec.handler, spec.method, spec.path, options);
  const good = (token: string | undefined): CallOptions =>
    spec.validBody ? { token, body: spec.validBody() } : { token };

  if (spec.auth !== "none") {
    it("refuses a request without a token (401)", async () => {
      await expectRefusedWithoutChange(spec.db(), () => send(good(undefined)), {
        status: 401,
        error: "unauthenticated",
      });
    });
    it("refuses an unknown token (401)", async () => {
      await expectRefusedWithoutChange(spec.db(), () => send(good("sf_api_not-a-real-token")), {
        status: 401,
        error: "invalid_token",
      });
    });
  }
  if (spec.auth === "api") {
    it("refuses a user token (403)", async () => {
      await expectRefusedWithoutChange(spec.db(), () => send(good(spec.tokens().user)), {
        status: 403,
        error: "api_token_required",
      });
    });
    it("refuses an API token without the scope (403)", async () => {
      await expectRefusedWithoutChange(spec.db(), () => send(good(spec.tokens().otherScope)), {
        status: 403,
        error: "insufficient_scope",
      });
    });
  }
  if (spec.auth === "user") {
    it("refuses an API token (403)", async () => {
      await expectRefusedWithoutChange(spec.db(), () => send(good(spec.tokens().api)), {
        status: 403,
        error: "user_token_required",
      });
    });
  }
  const validBody = spec.validBody;
  if (!validBody) return;
  const token = () =>
    spec.auth === "api" ? spec.tokens().api : spec.auth === "user" ? spec.tokens().user : undefined;
  it("refuses malformed JSON (400)", async () => {
    await expectRefusedWithoutChange(spec.db(), () => send({ token: token(), raw: '{"email": ' }), {
      status: 400,
      error: "invalid_json",
    });
  });
  it("refuses an empty body (400)", async () => {
    await expectRefusedWithoutChange(spec.db(), () => send({ token: token(), raw: "" }), {
      status: 400,
      error: "invalid_body",
    });
  });
  it("refuses a JSON value that is not an object (400)", async () => {
    await expectRefusedWithoutChange(spec.db(), () => send({ token: token(), body: [1, 2] }), {
      status: 400,
      error: "validation_error",
    });
  });
  it("refuses text Postgres cannot store (400 invalid_body)", async () => {
    const body = { ...(validBody() as object), "nul\u0000key": "x" };
    await expectRefusedWithoutChange(spec.db(), () => send({ token: token(), body }), {
      status: 400,
      error: "invalid_body",
    });
  });
  for (const invalid of spec.invalidBodies ?? []) {
    it(`refuses ${invalid.name} (${invalid.status ?? 400} ${invalid.error})`, async () => {
      await expectRefusedWithoutChange(
        spec.db(),
        () => send({ token: token(), body: invalid.body() }),
        {
          status: invalid.status ?? 400,
          error: invalid.error,
        },
      );
    });
  }
}
