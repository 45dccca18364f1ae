import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as emailRoute } from "@/app/api/v1/users/me/email/route";
import { requestEmailChangeResponseSchema } from "@/lib/api/operations/users";
import { DAY_MS, advanceClock, freezeClock } from "@/lib/clock";
import { userActionTokens, users } from "@/lib/db/schema";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { confirmEmailChange } from "@/lib/users/confirm-email-change";
import { EMAIL_CHANGE_CONFIRM_TEMPLATE_CODE } from "@/lib/users/email-change-confirm-template";
import { EMAIL_CHANGED_NOTICE_TEMPLATE_CODE } from "@/lib/users/email-changed-notice-template";
import { findActionToken } from "@/lib/users/find-action-token";
import { issueUserToken } from "@/lib/users/issue-user-token";
import {
  EMAIL_CHANGE_REQUESTS_PER_HOUR,
  requestEmailChange,
} from "@/lib/users/request-email-change";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "../api/api-test-kit";
import { openTestDatabase } from "../../support/test-database";
import { makeUser, PASSWORD, sentTo, tokenFromLatestEmail, uniqueEmail } from "./account-kit";

/*
 * Changing the email: the link goes to the new address (the password proves the asker), lives 24 hours and works
 * once; confirming moves the account if the address is still free and tells the old address.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-09-02T09:00:00.000Z"));
  tokens = await createTokens(database.db, null);
});
afterAll(() => database.close());

const confirmToken = (to: string) =>
  tokenFromLatestEmail(db(), to, EMAIL_CHANGE_CONFIRM_TEMPLATE_CODE, "/account/email/confirm");
const emailOf = async (userId: number) =>
  (await db().select({ email: users.email }).from(users).where(eq(users.id, userId)))[0]?.email;

describe("requestEmailChange", () => {
  it("emails a 24-hour link to the new address and changes nothing yet", async () => {
    const user = await makeUser(db(), { name: "Alex" });
    const next = uniqueEmail("next");
    const requested = await requestEmailChange(db(), {
      userId: user.id,
      newEmail: next.toUpperCase(),
      password: PASSWORD,
    });
    expect(requested).toMatchObject({ newEmail: next, sent: true });
    const [mail] = await sentTo(db(), next, EMAIL_CHANGE_CONFIRM_TEMPLATE_CODE);
    expect(mail).toMatchObject({ status: "sent", userId: user.id });
    expect(mail!.bodyText).toContain(`To use ${next} for your Subflow account`);
    expect(await sentTo(db(), user.email, EMAIL_CHANGE_CONFIRM_TEMPLATE_CODE)).toEqual([]);
    expect(await emailOf(user.id)).toBe(user.email);
    const state = await findActionToken(db(), {
      token: await confirmToken(next),
      kind: "email_change",
    });
    expect(state.status).toBe("valid");
    if (state.status !== "valid") return;
    expect(state.row).toMatchObject({ userId: user.id, newEmail: next, usedAt: null });
    expect(state.row.expiresAt.getTime() - state.row.createdAt.getTime()).toBe(DAY_MS);
  });

  it("refuses a wrong password, the current address and a taken address, issuing no link", async () => {
    const user = await makeUser(db());
    const other = await makeUser(db());
    const attempts = [
      { newEmail: uniqueEmail(), password: "not-my-password", code: "wrong_password", status: 400 },
      {
        newEmail: user.email.toUpperCase(),
        password: PASSWORD,
        code: "email_unchanged",
        status: 400,
      },
      { newEmail: other.email.toUpperCase(), password: PASSWORD, code: "email_taken", status: 409 },
    ];
    for (const attempt of attempts) {
      await expect(requestEmailChange(db(), { userId: user.id, ...attempt })).rejects.toMatchObject(
        { code: attempt.code, status: attempt.status },
      );
    }
    expect(
      await db().select().from(userActionTokens).where(eq(userActionTokens.userId, user.id)),
    ).toEqual([]);
  });

  it(`allows ${EMAIL_CHANGE_REQUESTS_PER_HOUR} requests an hour (429 email_change_rate_limited after)`, async () => {
    const user = await makeUser(db());
    for (let i = 0; i < EMAIL_CHANGE_REQUESTS_PER_HOUR; i++) {
      await requestEmailChange(db(), {
        userId: user.id,
        newEmail: uniqueEmail(),
        password: PASSWORD,
      });
    }
    await expect(
      requestEmailChange(db(), { userId: user.id, newEmail: uniqueEmail(), password: PASSWORD }),
    ).rejects.toMatchObject({
      code: "email_change_rate_limited",
      status: 429,
    });
  });
});

describe("confirmEmailChange", () => {
  it("moves the account to the new address, spends the link and tells the old address", async () => {
    const user = await makeUser(db());
    const next = uniqueEmail("moved");
    await requestEmailChange(db(), {
      userId: user.id,
      newEmail: uniqueEmail("abandoned"),
      password: PASSWORD,
    });
    await requestEmailChange(db(), { userId: user.id, newEmail: next, password: PASSWORD });
    const token = await confirmToken(next);

    expect(await confirmEmailChange(db(), { token })).toEqual({
      userId: user.id,
      oldEmail: user.email,
      newEmail: next,
    });
    expect(await emailOf(user.id)).toBe(next);
    expect(await authenticateUser(db(), next, PASSWORD)).not.toBeNull();
    expect(await authenticateUser(db(), user.email, PASSWORD)).toBeNull();
    const [notice] = await sentTo(db(), user.email, EMAIL_CHANGED_NOTICE_TEMPLATE_CODE);
    expect(notice).toMatchObject({ status: "sent", userId: user.id });
    expect(notice!.bodyText).toContain(`changed from ${user.email} to ${next}`);
    const pending = (
      await db().select().from(userActionTokens).where(eq(userActionTokens.userId, user.id))
    ).filter((row) => !row.usedAt);
    expect(pending).toEqual([]);
  });

  it("refuses a link used once already (409 link_used)", async () => {
    const user = await makeUser(db());
    const next = uniqueEmail();
    await requestEmailChange(db(), { userId: user.id, newEmail: next, password: PASSWORD });
    const token = await confirmToken(next);
    await confirmEmailChange(db(), { token });
    await expect(confirmEmailChange(db(), { token })).rejects.toMatchObject({
      code: "link_used",
      status: 409,
    });
    expect(await sentTo(db(), user.email, EMAIL_CHANGED_NOTICE_TEMPLATE_CODE)).toHaveLength(1);
  });

  it("refuses a link after 24 hours (409 link_expired) and keeps the address", async () => {
    const user = await makeUser(db());
    const next = uniqueEmail();
    await requestEmailChange(db(), { userId: user.id, newEmail: next, password: PASSWORD });
    const token = await confirmToken(next);
    advanceClock(DAY_MS);
    await expect(confirmEmailChange(db(), { token })).rejects.toMatchObject({
      code: "link_expired",
      status: 409,
    });
    expect(await emailOf(user.id)).toBe(user.email);
  });

  it("refuses an unknown token (404 link_invalid)", async () => {
    await expect(confirmEmailChange(db(), { token: "z".repeat(43) })).rejects.toMatchObject({
      code: "link_invalid",
      status: 404,
    });
  });

  it("refuses an address someone took since the link was sent (409 email_taken), leaving the link unspent", async () => {
    const user = await makeUser(db());
    const next = uniqueEmail("contested");
    await requestEmailChange(db(), { userId: user.id, newEmail: next, password: PASSWORD });
    const token = await confirmToken(next);
    await makeUser(db(), { email: next.toUpperCase() });
    await expect(confirmEmailChange(db(), { token })).rejects.toMatchObject({
      code: "email_taken",
      status: 409,
    });
    expect(await emailOf(user.id)).toBe(user.email);
    expect((await findActionToken(db(), { token, kind: "email_change" })).status).toBe("valid");
  });

  it("lets exactly one of two accounts confirming the same address at once win", async () => {
    const first = await makeUser(db());
    const second = await makeUser(db());
    const contested = uniqueEmail("race");
    await requestEmailChange(db(), { userId: first.id, newEmail: contested, password: PASSWORD });
    const firstToken = await confirmToken(contested);
    await requestEmailChange(db(), { userId: second.id, newEmail: contested, password: PASSWORD });
    const secondToken = await confirmToken(contested);

    const outcomes = await Promise.allSettled([
      confirmEmailChange(db(), { token: firstToken }),
      confirmEmailChange(db(), { token: secondToken }),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const lost = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: "email_taken",
      status: 409,
    });
    const owners = await db()
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, contested));
    expect(owners).toHaveLength(1);
  });
});

describe("POST /api/v1/users/me/email", () => {
  it("answers 202 with the new address and when the link expires; the link goes to the new address", async () => {
    const user = await makeUser(db());
    const { token } = await issueUserToken(db(), { userId: user.id });
    const next = uniqueEmail("api");
    const result = await call(emailRoute, "POST", "/users/me/email", {
      token,
      body: { email: next, password: PASSWORD },
    });
    expect(result.status).toBe(202);
    expect(requestEmailChangeResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.new_email).toBe(next);
    expect(await sentTo(db(), next, EMAIL_CHANGE_CONFIRM_TEMPLATE_CODE)).toHaveLength(1);
  });

  it("refuses a wrong password (400 wrong_password) and a taken address (409 email_taken), issuing nothing", async () => {
    const other = await makeUser(db());
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(emailRoute, "POST", "/users/me/email", {
          token: tokens.user,
          body: { email: uniqueEmail(), password: "nope-nope" },
        }),
      { status: 400, error: "wrong_password" },
    );
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(emailRoute, "POST", "/users/me/email", {
          token: tokens.user,
          body: { email: other.email, password: "secret-password" },
        }),
      { status: 409, error: "email_taken" },
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: emailRoute,
    method: "POST",
    path: "/users/me/email",
    auth: "user",
    validBody: () => ({ email: uniqueEmail("valid"), password: "secret-password" }),
    invalidBodies: [
      {
        name: "an invalid email",
        body: () => ({ email: "nope", password: "secret-password" }),
        error: "validation_error",
      },
      {
        name: "a missing password",
        body: () => ({ email: uniqueEmail() }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({ email: uniqueEmail(), password: "secret-password", user_id: 1 }),
        error: "validation_error",
      },
    ],
  });
});
