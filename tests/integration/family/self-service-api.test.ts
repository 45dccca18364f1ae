import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as leaveRoute } from "@/app/api/v1/family/leave/route";
import { POST as revokeRoute } from "@/app/api/v1/family/revoke/route";
import { familySeatsResponseSchema, revokeFamilyResponseSchema } from "@/lib/api/operations/family";
import { POST as seatsRoute } from "@/app/api/v1/family/seats/route";
import { customerActor } from "@/lib/auth/actor";
import { addDays, freezeClock, resetClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions } from "@/lib/db/schema";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";
import { familyCodeCanceledSchema } from "@/lib/family/family-code-json";
import { call, expectRefusedWithoutChange } from "../api/api-test-kit";
import { openTestDatabase } from "../../support/test-database";
import {
  addFamilyType,
  createFamilyCustomer,
  createFamilyMaster,
  FAMILY_COUNT,
  seedFamilyCatalog,
} from "./family-kit";

/*
 * POST /api/v1/family/leave, /revoke and /seats with a user token: each acts on the token user's own requests only,
 * and every refusal has its status and code and changes nothing.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = (): Db => database.db;
const T0 = new Date("2026-04-01T10:00:00.000Z");

beforeAll(async () => {
  database = await openTestDatabase();
  await seedFamilyCatalog(database.db);
});
beforeEach(() => freezeClock(T0));
afterAll(async () => {
  resetClock();
  await database.close();
});

const leave = (token: string | undefined, body: unknown) =>
  call(leaveRoute, "POST", "/family/leave", { token, body });
const revoke = (token: string | undefined, body: unknown) =>
  call(revokeRoute, "POST", "/family/revoke", { token, body });
const seats = (token: string | undefined, body: unknown) =>
  call(seatsRoute, "POST", "/family/seats", { token, body });

async function memberOf(code: string) {
  const friend = await createFamilyCustomer(db(), "member");
  await activateFamilyRequest(db(), { code, actor: customerActor(friend.user.id) });
  return friend;
}

describe("POST /api/v1/family/leave", () => {
  it("ends the member's child subscription and answers the canceled code; the master gets a new one", async () => {
    const master = await createFamilyMaster(db());
    const code = master.requests[0]!.code;
    const friend = await memberOf(code);
    freezeClock(addDays(T0, 3));
    const result = await leave(friend.token, { code: code.toUpperCase() });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(familyCodeCanceledSchema.parse(result.json)).toEqual({
      code,
      status: "canceled",
      cancel_reason: "left",
    });
    const [child] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.userId, friend.user.id));
    expect(child?.endAt).toEqual(addDays(T0, 3));
    const open = await db()
      .select()
      .from(familyRequests)
      .where(eq(familyRequests.masterSubscriptionId, master.subscription.id));
    expect(open.filter((request) => request.status !== "canceled")).toHaveLength(FAMILY_COUNT);
  });

  it("refuses without a token (401), an unknown code (404), someone else's membership (404) and a second leave (409)", async () => {
    const master = await createFamilyMaster(db());
    const code = master.requests[0]!.code;
    const friend = await memberOf(code);
    const stranger = await createFamilyCustomer(db(), "stranger");
    expect((await leave(undefined, { code })).status).toBe(401);
    await expectRefusedWithoutChange(db(), () => leave(friend.token, { code: "0".repeat(32) }), {
      status: 404,
      error: "family_request_not_found",
    });
    await expectRefusedWithoutChange(db(), () => leave(stranger.token, { code }), {
      status: 404,
      error: "family_request_not_found",
    });
    await expectRefusedWithoutChange(db(), () => leave(master.token, { code }), {
      status: 404,
      error: "family_request_not_found",
    });
    await expectRefusedWithoutChange(db(), () => leave(friend.token, {}), {
      status: 400,
      error: "validation_error",
    });
    expect((await leave(friend.token, { code })).status).toBe(200);
    await expectRefusedWithoutChange(db(), () => leave(friend.token, { code }), {
      status: 409,
      error: "family_request_wrong_status",
    });
  });
});

describe("POST /api/v1/family/revoke", () => {
  it("cancels the master's unused code as `revoked` and answers the code that replaces it", async () => {
    const master = await createFamilyMaster(db());
    const code = master.requests[1]!.code;
    const result = await revoke(master.token, { code });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const body = revokeFamilyResponseSchema.parse(result.json);
    expect(body).toMatchObject({ code, status: "canceled", cancel_reason: "revoked" });
    const [replacement] = await db()
      .select()
      .from(familyRequests)
      .where(eq(familyRequests.code, body.replacement_code));
    expect(replacement).toMatchObject({
      status: "created",
      masterUserId: master.user.id,
      masterSubscriptionId: master.subscription.id,
    });
  });

  it("refuses an unknown code (404), another master's code (404), a used code (409) and a revoked one (409)", async () => {
    const master = await createFamilyMaster(db());
    const other = await createFamilyMaster(db());
    await expectRefusedWithoutChange(db(), () => revoke(master.token, { code: "z".repeat(32) }), {
      status: 404,
      error: "family_request_not_found",
    });
    await expectRefusedWithoutChange(
      db(),
      () => revoke(master.token, { code: other.requests[0]!.code }),
      { status: 404, error: "family_request_not_found" },
    );
    await memberOf(master.requests[0]!.code);
    await expectRefusedWithoutChange(
      db(),
      () => revoke(master.token, { code: master.requests[0]!.code }),
      { status: 409, error: "family_request_wrong_status" },
    );
    expect((await revoke(master.token, { code: master.requests[2]!.code })).status).toBe(200);
    await expectRefusedWithoutChange(
      db(),
      () => revoke(master.token, { code: master.requests[2]!.code }),
      { status: 409, error: "family_request_wrong_status" },
    );
    expect((await revoke(undefined, { code: master.requests[1]!.code })).status).toBe(401);
  });

  it("of a revoke and an activation racing over one code, exactly one succeeds", async () => {
    const master = await createFamilyMaster(db());
    const friend = await createFamilyCustomer(db(), "racer");
    const code = master.requests[0]!.code;
    const [activated, revoked] = await Promise.allSettled([
      activateFamilyRequest(db(), { code, actor: customerActor(friend.user.id) }),
      revoke(master.token, { code }),
    ]);
    const revokeWon = revoked.status === "fulfilled" && revoked.value.status === 200;
    expect(activated.status === "fulfilled").toBe(!revokeWon);
    if (!revokeWon)
      expect(revoked.status === "fulfilled" && revoked.value.json.error).toBe(
        "family_request_wrong_status",
      );
  });
});

describe("POST /api/v1/family/seats", () => {
  it("creates an unpaid card payment for the seats and answers 201 with the checkout URL", async () => {
    const { masterCode } = await addFamilyType(db(), { donationMethod: "copy", count: 0 });
    const master = await createFamilyMaster(db(), { typeCode: masterCode, count: 3 });
    freezeClock(addDays(T0, 65));
    const result = await seats(master.token, { count: 2 });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    const body = familySeatsResponseSchema.parse(result.json);
    // 300 days left of 365, 99.90 a seat: round(300 · 29970 / (365 · 3)) = round(8210.96) = 8211
    expect(body.payment).toMatchObject({
      status: "form",
      amount_cents: 2 * 8211,
      user_id: master.user.id,
    });
    expect(body.payment.items).toEqual([
      expect.objectContaining({
        type: "product",
        count: 2,
        amount_cents: 8211,
        subscription_type_code: "web_yearly",
      }),
    ]);
    expect(body.checkout_url).toMatch(new RegExp(`/checkout/${body.payment.id}$`));
  });

  it("refuses a master without a family that takes seats (409), bad counts (400) and another user's subscription (404)", async () => {
    const fixed = await createFamilyMaster(db());
    const { masterCode } = await addFamilyType(db(), { donationMethod: "copy", count: 0 });
    const dynamic = await createFamilyMaster(db(), { typeCode: masterCode, count: 2 });
    await expectRefusedWithoutChange(db(), () => seats(fixed.token, { count: 1 }), {
      status: 409,
      error: "family_seats_unavailable",
    });
    await expectRefusedWithoutChange(db(), () => seats(dynamic.token, { count: 0 }), {
      status: 400,
      error: "validation_error",
    });
    await expectRefusedWithoutChange(db(), () => seats(dynamic.token, { count: 101 }), {
      status: 400,
      error: "validation_error",
    });
    await expectRefusedWithoutChange(
      db(),
      () => seats(fixed.token, { count: 1, master_subscription_id: dynamic.subscription.id }),
      {
        status: 404,
        error: "family_subscription_not_found",
      },
    );
    expect((await seats(undefined, { count: 1 })).status).toBe(401);
  });
});
