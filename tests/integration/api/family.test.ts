import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as activateRoute } from "@/app/api/v1/family/activate/route";
import {
  activateFamilyResponseSchema,
  familyListResponseSchema,
} from "@/lib/api/operations/family";
import { GET as listRoute } from "@/app/api/v1/family/list/route";
import { addDays, freezeClock, resetClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { events, familyRequests, subscriptions } from "@/lib/db/schema";
import { generateFamilyCode } from "@/lib/family/family-code";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { openTestDatabase } from "../../support/test-database";
import {
  buyFamilySubscription,
  createFamilyCustomer,
  createFamilyMaster,
  FAMILY_CHILD_CODE,
  FAMILY_COUNT,
  seedFamilyCatalog,
} from "../family/family-kit";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

/*
 * POST /api/v1/family/activate and GET /api/v1/family/list: a friend activates a master's code and gets a child
 * subscription of the master's dates (the `copy` method); every refusal has its code and changes nothing.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let sharedMaster: Awaited<ReturnType<typeof createFamilyMaster>>;
const db = (): Db => database.db;

const T0 = new Date("2026-04-01T10:00:00.000Z");

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(T0);
  tokens = await createTokens(database.db, null);
  await seedFamilyCatalog(database.db);
  sharedMaster = await createFamilyMaster(database.db);
});
afterAll(async () => {
  resetClock();
  await database.close();
});
beforeEach(() => freezeClock(T0));

const activate = (token: string | undefined, body: unknown) =>
  call(activateRoute, "POST", "/family/activate", { token, body });
const list = (token: string | undefined) => call(listRoute, "GET", "/family/list", { token });

async function requestByCode(code: string) {
  const [row] = await db().select().from(familyRequests).where(eq(familyRequests.code, code));
  if (!row) throw new Error(`no request ${code}`);
  return row;
}

async function familySubscriptionsOf(userId: number) {
  return db()
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.kind, "family")));
}

/** A refused activation: the status and code, and no family subscription or request changed. */
async function expectActivationRefused(
  token: string,
  body: unknown,
  expected: { status: number; error: string },
) {
  const before = await db().select().from(familyRequests).orderBy(familyRequests.id);
  const [accepted] = await db()
    .select({ n: count() })
    .from(events)
    .where(eq(events.name, "family.request_accepted"));
  await expectRefusedWithoutChange(db(), () => activate(token, body), expected);
  expect(await db().select().from(familyRequests).orderBy(familyRequests.id)).toEqual(before);
  const [after] = await db()
    .select({ n: count() })
    .from(events)
    .where(eq(events.name, "family.request_accepted"));
  expect(after?.n).toBe(accepted?.n);
}

describe("POST /api/v1/family/activate", () => {
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: activateRoute,
    method: "POST",
    path: "/family/activate",
    auth: "user",
    validBody: () => ({ code: sharedMaster.requests[0]!.code }),
    invalidBodies: [
      { name: "a body without a code", body: () => ({}), error: "validation_error" },
      { name: "an empty code", body: () => ({ code: "  " }), error: "validation_error" },
      {
        name: "a code that is not a string",
        body: () => ({ code: 12345 }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({ code: sharedMaster.requests[0]!.code, user_id: 1 }),
        error: "validation_error",
      },
    ],
  });

  it("gives the friend a child subscription with the master's dates and answers 201 with its shape", async () => {
    const master = await createFamilyMaster(db());
    expect(master.requests).toHaveLength(FAMILY_COUNT);
    const friend = await createFamilyCustomer(db(), "friend");
    const code = master.requests[1]!.code;
    freezeClock(addDays(T0, 2));

    const result = await activate(friend.token, { code });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toEqual({
      code,
      subscription: {
        start_at: master.subscription.startAt.toISOString(),
        end_at: master.subscription.endAt.toISOString(),
        code: FAMILY_CHILD_CODE,
        access: ["web"],
      },
    });
    expect(activateFamilyResponseSchema.parse(result.json)).toEqual(result.json);

    const request = await requestByCode(code);
    expect(request).toMatchObject({
      status: "accepted",
      childUserId: friend.user.id,
      acceptedAt: addDays(T0, 2),
    });
    const children = await familySubscriptionsOf(friend.user.id);
    expect(children).toHaveLength(1);
    expect(children[0]?.id).toBe(request.childSubscriptionId);
  });

  it("accepts the code in capitals and with spaces around it", async () => {
    const master = await createFamilyMaster(db());
    const friend = await createFamilyCustomer(db(), "friend");
    const code = master.requests[0]!.code;
    const result = await activate(friend.token, { code: `  ${code.toUpperCase()} ` });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json.code).toBe(code);
  });

  it("answers 404 family_request_not_found for an unknown or malformed code", async () => {
    const friend = await createFamilyCustomer(db(), "friend");
    await expectActivationRefused(
      friend.token,
      { code: generateFamilyCode() },
      { status: 404, error: "family_request_not_found" },
    );
    await expectActivationRefused(
      friend.token,
      { code: "not-a-code" },
      { status: 404, error: "family_request_not_found" },
    );
  });

  it("answers 409 family_request_wrong_status for a used code", async () => {
    const master = await createFamilyMaster(db());
    const code = master.requests[0]!.code;
    const first = await createFamilyCustomer(db(), "friend");
    expect((await activate(first.token, { code })).status).toBe(201);
    const second = await createFamilyCustomer(db(), "friend");
    await expectActivationRefused(
      second.token,
      { code },
      { status: 409, error: "family_request_wrong_status" },
    );
    expect(await familySubscriptionsOf(second.user.id)).toHaveLength(0);
  });

  it("answers 409 family_request_wrong_status for a canceled code", async () => {
    const master = await createFamilyMaster(db());
    const code = master.requests[0]!.code;
    await db()
      .update(familyRequests)
      .set({ status: "canceled", canceledAt: T0 })
      .where(eq(familyRequests.code, code));
    const friend = await createFamilyCustomer(db(), "friend");
    await expectActivationRefused(
      friend.token,
      { code },
      { status: 409, error: "family_request_wrong_status" },
    );
  });

  it("answers 400 family_request_expired once the master subscription has ended", async () => {
    const master = await createFamilyMaster(db());
    const friend = await createFamilyCustomer(db(), "friend");
    freezeClock(addDays(master.subscription.endAt, 1));
    // User tokens live 90 days: sign the friend in again a year later.
    const { token } = await issueUserToken(db(), { userId: friend.user.id });
    await expectActivationRefused(
      token,
      { code: master.requests[0]!.code },
      { status: 400, error: "family_request_expired" },
    );
  });

  it("answers 400 family_request_expired when the code's own expires_at has passed", async () => {
    const master = await createFamilyMaster(db());
    const code = master.requests[0]!.code;
    await db()
      .update(familyRequests)
      .set({ expiresAt: addDays(T0, 1) })
      .where(eq(familyRequests.code, code));
    const friend = await createFamilyCustomer(db(), "friend");
    freezeClock(addDays(T0, 1));
    await expectActivationRefused(
      friend.token,
      { code },
      { status: 400, error: "family_request_expired" },
    );
  });

  it("answers 400 family_request_one_per_user for a second code of the same master subscription", async () => {
    const master = await createFamilyMaster(db());
    const friend = await createFamilyCustomer(db(), "friend");
    expect((await activate(friend.token, { code: master.requests[0]!.code })).status).toBe(201);
    await expectActivationRefused(
      friend.token,
      { code: master.requests[1]!.code },
      { status: 400, error: "family_request_one_per_user" },
    );
    expect(await familySubscriptionsOf(friend.user.id)).toHaveLength(1);
  });

  it("answers 400 family_request_self_use_forbidden when the master activates their own code", async () => {
    const master = await createFamilyMaster(db());
    await expectActivationRefused(
      master.token,
      { code: master.requests[0]!.code },
      {
        status: 400,
        error: "family_request_self_use_forbidden",
      },
    );
  });

  it("lets exactly one of 50 concurrent activations of one code win; the other 49 get 409", async () => {
    const master = await createFamilyMaster(db());
    const code = master.requests[2]!.code;
    const friends = await Promise.all(
      Array.from({ length: 50 }, () => createFamilyCustomer(db(), "racer")),
    );

    const results = await Promise.all(friends.map((friend) => activate(friend.token, { code })));

    const won = results.filter((result) => result.status === 201);
    const refused = results.filter((result) => result.status === 409);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const result of refused) expect(result.json.error).toBe("family_request_wrong_status");
    const request = await requestByCode(code);
    const winner = friends[results.indexOf(won[0]!)]!;
    expect(request.childUserId).toBe(winner.user.id);
    const children = await db()
      .select({ n: count() })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.kind, "family"),
          eq(subscriptions.note, `Family code from subscription ${master.subscription.id}`),
        ),
      );
    expect(children[0]?.n).toBe(1);
  });
});

describe("GET /api/v1/family/list", () => {
  it("refuses a request without a token (401)", async () => {
    const result = await list(undefined);
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: "unauthenticated" });
  });

  it("refuses an API token (403)", async () => {
    const result = await list(tokens.api);
    expect(result.status).toBe(403);
    expect(result.json).toMatchObject({ error: "user_token_required" });
  });

  it("lists every request of the master in every status, newest first, with REMP's fields", async () => {
    const master = await createFamilyMaster(db());
    const friend = await createFamilyCustomer(db(), "friend");
    // A second family subscription a day later: its codes are newer.
    freezeClock(addDays(T0, 1));
    const renewal = await buyFamilySubscription(db(), { userId: master.user.id });
    freezeClock(addDays(T0, 2));
    expect((await activate(friend.token, { code: master.requests[0]!.code })).status).toBe(201);
    await db()
      .update(familyRequests)
      .set({ status: "canceled", canceledAt: addDays(T0, 2) })
      .where(eq(familyRequests.id, master.requests[1]!.id));

    const result = await list(master.token);
    expect(result.status).toBe(200);
    expect(familyListResponseSchema.parse(result.json)).toEqual(result.json);
    const codes = result.json.codes as Record<string, unknown>[];
    expect(codes).toHaveLength(FAMILY_COUNT * 2);
    // Newest first: the second subscription's requests (id descending within one creation time), then the first's.
    const expectedOrder = [...renewal.requests, ...master.requests].map((request) => ({
      id: request.id,
      createdAt: request.createdAt.getTime(),
      code: request.code,
    }));
    expectedOrder.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    expect(codes.map((code) => code.code)).toEqual(expectedOrder.map((request) => request.code));

    for (const code of codes) {
      expect(Object.keys(code).sort()).toEqual(
        [
          "accepted_at",
          "canceled_at",
          "code",
          "created_at",
          "expires_at",
          "master_user_id",
          "opened_at",
          "slave_user_id",
          "status",
          "subscription_type_code",
          "updated_at",
        ].sort(),
      );
      expect(code).toMatchObject({
        master_user_id: master.user.id,
        subscription_type_code: FAMILY_CHILD_CODE,
      });
    }
    const byCode = new Map(codes.map((code) => [code.code, code]));
    expect(byCode.get(master.requests[0]!.code)).toMatchObject({
      status: "accepted",
      slave_user_id: friend.user.id,
      accepted_at: addDays(T0, 2).toISOString(),
      canceled_at: null,
    });
    expect(byCode.get(master.requests[1]!.code)).toMatchObject({
      status: "canceled",
      slave_user_id: null,
      canceled_at: addDays(T0, 2).toISOString(),
    });
    expect(byCode.get(master.requests[2]!.code)).toMatchObject({
      status: "created",
      slave_user_id: null,
      created_at: T0.toISOString(),
      opened_at: null,
      accepted_at: null,
      canceled_at: null,
      expires_at: null,
    });
  });

  it("shows a master only their own requests, and a user without any an empty list", async () => {
    const master = await createFamilyMaster(db());
    const other = await createFamilyMaster(db());
    const result = await list(master.token);
    const listed = new Set((result.json.codes as { code: string }[]).map((code) => code.code));
    expect(listed).toEqual(new Set(master.requests.map((request) => request.code)));
    for (const request of other.requests) expect(listed.has(request.code)).toBe(false);

    const nobody = await createFamilyCustomer(db(), "nobody");
    expect(await list(nobody.token)).toMatchObject({ status: 200, json: { codes: [] } });
  });
});
