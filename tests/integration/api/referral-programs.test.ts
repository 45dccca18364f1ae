import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as deleteRoute,
  GET as getRoute,
  PUT as putRoute,
} from "@/app/api/v1/referral-programs/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/referral-programs/route";
import {
  referralProgramListSchema,
  referralProgramResponseSchema,
} from "@/lib/api/operations/referral-programs";
import { referralPrograms, referrals } from "@/lib/db/schema";
import { createReferralProgram } from "@/lib/referrals/admin/save-program";
import { programInputSchema } from "@/lib/referrals/schemas";
import { openTestDatabase } from "../../support/test-database";
import { makeUser, seedReferralCatalog, uniqueEmail } from "../referrals/referral-kit";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  withParams,
  type Tokens,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;
/** A program the guard tests of /referral-programs/{id} address (PUT keeps its name, so it stays addressable). */
let guarded = { id: 0, name: "" };

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "referrals");
  await seedReferralCatalog(db());
  const program = await createReferralProgram(db(), programInputSchema.parse(body()));
  guarded = { id: program.id, name: program.name };
});
afterAll(() => database.close());

function body(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `API program ${randomUUID().slice(0, 8)}`,
    triggers: [{ type: "first_payment", options: {} }],
    constraints: [{ type: "minimum_payment_cents", options: { amount_cents: 500 } }],
    reward: { type: "free_days", options: { days: 30, subscription_type_code: "web_monthly" } },
    friend_reward: { type: "discount", options: { kind: "percent", percent_off: 10 } },
    ...extra,
  };
}

const create = (value: unknown) =>
  call(createRoute, "POST", "/referral-programs", { token: tokens.api, body: value });
const byId = (id: number | string) => ({ id });
const path = (id: number | string) => `/referral-programs/${id}`;

describe("POST and GET /api/v1/referral-programs", () => {
  it("creates a program (201) with defaults filled in, and lists and reads it", async () => {
    const sent = body({ max_rewards_per_referrer: 10 });
    const created = await create(sent);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(referralProgramResponseSchema.parse(created.json)).toEqual(created.json);
    expect(created.json.program).toEqual({
      id: expect.any(Number),
      name: sent.name,
      active: true,
      is_default: false,
      triggers: [{ type: "first_payment", options: {} }],
      constraints: [{ type: "minimum_payment_cents", options: { amount_cents: 500 } }],
      reward: { type: "free_days", options: { days: 30, subscription_type_code: "web_monthly" } },
      friend_reward: { type: "discount", options: { kind: "percent", percent_off: 10 } },
      max_rewards_per_referrer: 10,
      review_window_days: 30,
      reward_hold_days: 0,
      summary:
        "30 free days when the friend first pays, payment of at least €5.00; the friend: 10% off a payment",
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });

    const listed = await call(listRoute, "GET", "/referral-programs", { token: tokens.api });
    expect(listed.status).toBe(200);
    expect(referralProgramListSchema.parse(listed.json)).toEqual(listed.json);
    expect(listed.json.programs).toContainEqual(created.json.program);

    const id = created.json.program.id as number;
    const read = await call(withParams(getRoute, byId(id)), "GET", path(id), { token: tokens.api });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);
  });

  it("makes a new default program the only default", async () => {
    const first = await create(body({ is_default: true }));
    const second = await create(body({ is_default: true }));
    expect(second.json.program.is_default).toBe(true);
    const listed = await call(listRoute, "GET", "/referral-programs", { token: tokens.api });
    const defaults = (listed.json.programs as { id: number; is_default: boolean }[]).filter(
      (program) => program.is_default,
    );
    expect(defaults.map((program) => program.id)).toEqual([second.json.program.id]);
    expect(first.json.program.id).not.toBe(second.json.program.id);
  });

  it("refuses a taken name (409 program_name_taken) and an unknown free_days type (400), changing nothing", async () => {
    const taken = await create(body());
    await expectRefusedWithoutChange(db(), () => create(body({ name: taken.json.program.name })), {
      status: 409,
      error: "program_name_taken",
    });
    await expectRefusedWithoutChange(
      db(),
      () =>
        create(
          body({
            reward: {
              type: "free_days",
              options: { days: 5, subscription_type_code: "no_such_type" },
            },
          }),
        ),
      { status: 400, error: "subscription_type_not_found" },
    );
  });

  it("names the invalid field in the 400 message", async () => {
    const result = await expectRefusedWithoutChange(
      db(),
      () => create(body({ triggers: [{ type: "sign_up", options: {} }] })),
      {
        status: 400,
        error: "validation_error",
      },
    );
    expect(result.json.message).toContain("constraints: A minimum payment needs");
    const options = await create(
      body({ reward: { type: "discount", options: { kind: "fixed" } } }),
    );
    expect(options.json.message).toContain(
      "reward.options.amount_off_cents: Enter the amount off.",
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: listRoute,
    method: "GET",
    path: "/referral-programs",
    auth: "api",
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/referral-programs",
    auth: "api",
    validBody: () => body(),
    invalidBodies: [
      { name: "a missing name", body: () => body({ name: undefined }), error: "validation_error" },
      { name: "no trigger", body: () => body({ triggers: [] }), error: "validation_error" },
      {
        name: "an unknown trigger",
        body: () => body({ triggers: [{ type: "visits", options: {} }] }),
        error: "validation_error",
      },
      {
        name: "a minimum payment without the payment trigger",
        body: () => body({ triggers: [{ type: "sign_up", options: {} }] }),
        error: "validation_error",
      },
      {
        name: "a timeout of 0 days",
        body: () => body({ constraints: [{ type: "timeout_days", options: { days: 0 } }] }),
        error: "validation_error",
      },
      {
        name: "an unknown reward type",
        body: () => body({ reward: { type: "cash", options: {} } }),
        error: "validation_error",
      },
      {
        name: "a percent discount without the percent",
        body: () => body({ friend_reward: { type: "discount", options: { kind: "percent" } } }),
        error: "validation_error",
      },
      {
        name: "a cap of 0",
        body: () => body({ max_rewards_per_referrer: 0 }),
        error: "validation_error",
      },
      {
        name: "an inactive default",
        body: () => body({ is_default: true, active: false }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => body({ friendReward: null }),
        error: "validation_error",
      },
    ],
  });
});

describe("PUT and DELETE /api/v1/referral-programs/{id}", () => {
  it("replaces a program's settings, then deletes it; afterwards it is 404", async () => {
    const created = await create(body());
    const id = created.json.program.id as number;
    const replacement = {
      name: `${created.json.program.name} renamed`,
      triggers: [{ type: "sign_up", options: {} }],
      reward: { type: "no_reward", options: {} },
      review_window_days: 0,
    };
    const put = await call(withParams(putRoute, byId(id)), "PUT", path(id), {
      token: tokens.api,
      body: replacement,
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect(referralProgramResponseSchema.parse(put.json)).toEqual(put.json);
    expect(put.json.program).toMatchObject({
      id,
      name: replacement.name,
      constraints: [],
      reward: { type: "no_reward", options: {} },
      friend_reward: null,
      max_rewards_per_referrer: null,
      review_window_days: 0,
      created_at: created.json.program.created_at,
    });

    const deleted = await call(withParams(deleteRoute, byId(id)), "DELETE", path(id), {
      token: tokens.api,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual(put.json);
    await expectRefusedWithoutChange(
      db(),
      () => call(withParams(getRoute, byId(id)), "GET", path(id), { token: tokens.api }),
      {
        status: 404,
        error: "referral_program_not_found",
      },
    );
  });

  it("answers 404 for unknown and malformed ids, changing nothing", async () => {
    for (const id of [999_999, "abc", "0"]) {
      await expectRefusedWithoutChange(
        db(),
        () =>
          call(withParams(putRoute, byId(id)), "PUT", path(id), {
            token: tokens.api,
            body: body(),
          }),
        {
          status: 404,
          error: "referral_program_not_found",
        },
      );
      await expectRefusedWithoutChange(
        db(),
        () => call(withParams(deleteRoute, byId(id)), "DELETE", path(id), { token: tokens.api }),
        {
          status: 404,
          error: "referral_program_not_found",
        },
      );
    }
  });

  it("refuses to delete a program referrals belong to (409 program_in_use) and to take another's name (409)", async () => {
    const created = await create(body());
    const id = created.json.program.id as number;
    const referrer = await makeUser(db());
    await db()
      .insert(referrals)
      .values({
        programId: id,
        referrerUserId: referrer.id,
        referredEmail: uniqueEmail("friend"),
        source: "link",
      });
    await expectRefusedWithoutChange(
      db(),
      () => call(withParams(deleteRoute, byId(id)), "DELETE", path(id), { token: tokens.api }),
      {
        status: 409,
        error: "program_in_use",
      },
    );
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(withParams(putRoute, byId(id)), "PUT", path(id), {
          token: tokens.api,
          body: body({ name: guarded.name }),
        }),
      { status: 409, error: "program_name_taken" },
    );
    const [still] = await db().select().from(referralPrograms).where(eq(referralPrograms.id, id));
    expect(still?.name).toBe(created.json.program.name);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(getRoute, () => byId(guarded.id)),
    method: "GET",
    path: "/referral-programs/{id}",
    auth: "api",
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(putRoute, () => byId(guarded.id)),
    method: "PUT",
    path: "/referral-programs/{id}",
    auth: "api",
    validBody: () => body({ name: guarded.name, review_window_days: 14 }),
    invalidBodies: [
      {
        name: "an empty trigger list",
        body: () => body({ name: guarded.name, triggers: [] }),
        error: "validation_error",
      },
      {
        name: "a trigger chosen twice",
        body: () =>
          body({
            name: guarded.name,
            triggers: [
              { type: "first_payment", options: {} },
              { type: "first_payment", options: {} },
            ],
          }),
        error: "validation_error",
      },
    ],
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(deleteRoute, () => byId(guarded.id)),
    method: "DELETE",
    path: "/referral-programs/{id}",
    auth: "api",
  });
});
