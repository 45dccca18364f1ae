import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as confirmRoute } from "@/app/api/v1/users/password-reset/confirm/route";
import { POST as requestRoute } from "@/app/api/v1/users/password-reset/route";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { MINUTE_MS, advanceClock, freezeClock } from "@/lib/clock";
import { userActionTokens, users, userTokens } from "@/lib/db/schema";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import {
  PASSWORD_RESET_TEMPLATE,
  PASSWORD_RESET_TEMPLATE_CODE,
} from "@/lib/users/password-reset-template";
import { PASSWORD_RESETS_PER_HOUR, requestPasswordReset } from "@/lib/users/request-password-reset";
import { resetPassword } from "@/lib/users/reset-password";
import {
  call,
  countRows,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "../api/api-test-kit";
import { openTestDatabase } from "../../support/test-database";
import {
  makeUser,
  NEW_PASSWORD,
  PASSWORD,
  sentTo,
  tokenFromLatestEmail,
  uniqueEmail,
} from "./account-kit";

/*
 * Forgot password: the request answers alike for every address and sends only to real accounts, at most five an hour;
 * the emailed link is single-use, lives one hour, and setting a password through it ends every other session.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;
const T0 = new Date("2026-09-01T08:00:00.000Z");

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(T0);
  tokens = await createTokens(database.db, null);
});
afterAll(() => database.close());

const resetToken = (email: string) =>
  tokenFromLatestEmail(db(), email, PASSWORD_RESET_TEMPLATE_CODE, "/reset-password");

describe("requestPasswordReset", () => {
  it("emails the account's address a one-hour link, recording only the token's hash", async () => {
    const user = await makeUser(db(), { name: "Robin" });
    expect(
      await requestPasswordReset(db(), {
        email: ` ${user.email.toUpperCase()} `,
        clientAddress: null,
      }),
    ).toBe("sent");
    const [mail] = await sentTo(db(), user.email, PASSWORD_RESET_TEMPLATE_CODE);
    expect(mail).toMatchObject({
      status: "sent",
      userId: user.id,
      subject: "Reset your Subflow password",
    });
    expect(mail!.bodyText).toContain("Hello Robin");
    const token = await resetToken(user.email);
    const [row] = await db()
      .select()
      .from(userActionTokens)
      .where(eq(userActionTokens.userId, user.id));
    expect(row).toMatchObject({ kind: "password_reset", usedAt: null, newEmail: null });
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(60 * MINUTE_MS);
  });

  it("sends nothing and stores nothing for an unknown address", async () => {
    const before = await countRows(db());
    const email = uniqueEmail("nobody");
    expect(await requestPasswordReset(db(), { email, clientAddress: null })).toBe("no_account");
    expect(await countRows(db())).toEqual(before);
    expect(await sentTo(db(), email, PASSWORD_RESET_TEMPLATE_CODE)).toEqual([]);
  });

  it(`sends at most ${PASSWORD_RESETS_PER_HOUR} links an hour per account, then again an hour later`, async () => {
    const user = await makeUser(db());
    for (let i = 0; i < PASSWORD_RESETS_PER_HOUR; i++)
      expect(await requestPasswordReset(db(), { email: user.email, clientAddress: null })).toBe(
        "sent",
      );
    expect(await requestPasswordReset(db(), { email: user.email, clientAddress: null })).toBe(
      "rate_limited",
    );
    expect(await sentTo(db(), user.email, PASSWORD_RESET_TEMPLATE_CODE)).toHaveLength(
      PASSWORD_RESETS_PER_HOUR,
    );
    advanceClock(60 * MINUTE_MS + 1);
    expect(await requestPasswordReset(db(), { email: user.email, clientAddress: null })).toBe(
      "sent",
    );
  });

  it("renders the admin's password_reset template when one is stored", async () => {
    await saveEmailTemplate(db(), {
      ...PASSWORD_RESET_TEMPLATE,
      subject: "New {{app.name}} password for {{user.email}}",
    });
    const user = await makeUser(db());
    await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const [mail] = await sentTo(db(), user.email, PASSWORD_RESET_TEMPLATE_CODE);
    expect(mail!.subject).toBe(`New Subflow password for ${user.email}`);
  });
});

describe("resetPassword", () => {
  it("sets the password, spends the link and every other pending one, ends sessions and revokes user tokens", async () => {
    const user = await makeUser(db());
    const { token: apiToken } = await issueUserToken(db(), { userId: user.id });
    await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const older = await resetToken(user.email);
    await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const latest = await resetToken(user.email);
    expect(latest).not.toBe(older);

    expect(await resetPassword(db(), { token: latest, newPassword: NEW_PASSWORD })).toEqual({
      userId: user.id,
      email: user.email,
    });
    expect(await authenticateUser(db(), user.email, NEW_PASSWORD)).not.toBeNull();
    expect(await authenticateUser(db(), user.email, PASSWORD)).toBeNull();
    const [after] = await db().select().from(users).where(eq(users.id, user.id));
    expect(after!.sessionVersion).toBe(user.sessionVersion + 1);
    const live = await db()
      .select()
      .from(userTokens)
      .where(and(eq(userTokens.userId, user.id), isNull(userTokens.revokedAt)));
    expect(live).toEqual([]);
    expect(await authenticateBearer(db(), apiToken)).toBeNull();
    const pending = await db()
      .select()
      .from(userActionTokens)
      .where(and(eq(userActionTokens.userId, user.id), isNull(userActionTokens.usedAt)));
    expect(pending).toEqual([]);
    await expect(
      resetPassword(db(), { token: older, newPassword: "third-password" }),
    ).rejects.toMatchObject({ code: "link_used" });
  });

  // Two connections: an embedded PGlite runs one transaction at a time. CI runs the suite on Postgres.
  it.skipIf(!process.env.DATABASE_URL)(
    "two links of one user used at once: one sets the password, the other is refused (409 link_used), no deadlock",
    async () => {
      // Four users at once, two links each: the more pairs, the surer a deadlock-prone order shows.
      const pairs = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const user = await makeUser(db());
          const links: string[] = [];
          for (let i = 0; i < 2; i++) {
            await requestPasswordReset(db(), { email: user.email, clientAddress: null });
            links.push(await resetToken(user.email));
          }
          return links;
        }),
      );
      const outcomes = await Promise.all(
        pairs.map((links) =>
          Promise.allSettled(
            links.map((token, i) =>
              resetPassword(db(), { token, newPassword: `${NEW_PASSWORD}-${i}` }),
            ),
          ),
        ),
      );
      for (const results of outcomes) {
        expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
        const refused = results.find((result) => result.status === "rejected");
        expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "link_used" });
      }
    },
  );

  it("refuses a link used once already (409 link_used), and the password stays", async () => {
    const user = await makeUser(db());
    await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const token = await resetToken(user.email);
    await resetPassword(db(), { token, newPassword: NEW_PASSWORD });
    await expect(
      resetPassword(db(), { token, newPassword: "third-password" }),
    ).rejects.toMatchObject({ code: "link_used", status: 409 });
    expect(await authenticateUser(db(), user.email, NEW_PASSWORD)).not.toBeNull();
  });

  it("refuses a link after its hour (409 link_expired) and works just before", async () => {
    const user = await makeUser(db());
    await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const token = await resetToken(user.email);
    advanceClock(60 * MINUTE_MS);
    await expect(resetPassword(db(), { token, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "link_expired",
      status: 409,
    });
    expect(await authenticateUser(db(), user.email, PASSWORD)).not.toBeNull();

    await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const fresh = await resetToken(user.email);
    advanceClock(60 * MINUTE_MS - 1);
    await resetPassword(db(), { token: fresh, newPassword: NEW_PASSWORD });
  });

  it("refuses an unknown token (404 link_invalid) and a too-short password", async () => {
    await expect(
      resetPassword(db(), { token: "x".repeat(43), newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: "link_invalid",
      status: 404,
    });
    const user = await makeUser(db());
    await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const token = await resetToken(user.email);
    await expect(resetPassword(db(), { token, newPassword: "short" })).rejects.toThrow();
    const [row] = await db()
      .select()
      .from(userActionTokens)
      .where(eq(userActionTokens.userId, user.id));
    expect(row!.usedAt).toBeNull();
  });
});

describe("POST /api/v1/users/password-reset", () => {
  it("answers 202 alike for a known and an unknown address; only the known one gets mail", async () => {
    const user = await makeUser(db());
    const unknown = uniqueEmail("ghost");
    const known = await call(requestRoute, "POST", "/users/password-reset", {
      body: { email: user.email },
    });
    const missing = await call(requestRoute, "POST", "/users/password-reset", {
      body: { email: unknown },
    });
    expect([known.status, known.json]).toEqual([202, null]);
    expect([missing.status, missing.json]).toEqual([202, null]);
    expect(await sentTo(db(), user.email, PASSWORD_RESET_TEMPLATE_CODE)).toHaveLength(1);
    expect(await sentTo(db(), unknown, PASSWORD_RESET_TEMPLATE_CODE)).toHaveLength(0);
  });

  it("answers 202 when rate-limited too, without sending", async () => {
    const user = await makeUser(db());
    for (let i = 0; i < PASSWORD_RESETS_PER_HOUR; i++)
      await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const result = await call(requestRoute, "POST", "/users/password-reset", {
      body: { email: user.email },
    });
    expect(result.status).toBe(202);
    expect(await sentTo(db(), user.email, PASSWORD_RESET_TEMPLATE_CODE)).toHaveLength(
      PASSWORD_RESETS_PER_HOUR,
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: requestRoute,
    method: "POST",
    path: "/users/password-reset",
    auth: "none",
    validBody: () => ({ email: uniqueEmail("nobody") }),
    invalidBodies: [
      {
        name: "an invalid email",
        body: () => ({ email: "not-an-email" }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({ email: uniqueEmail(), admin: true }),
        error: "validation_error",
      },
    ],
  });
});

describe("POST /api/v1/users/password-reset/confirm", () => {
  it("sets the password (204) and the old user token stops working", async () => {
    const user = await makeUser(db());
    const { token: apiToken } = await issueUserToken(db(), { userId: user.id });
    expect(await authenticateBearer(db(), apiToken)).not.toBeNull();
    await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const token = await resetToken(user.email);
    const result = await call(confirmRoute, "POST", "/users/password-reset/confirm", {
      body: { token, new_password: NEW_PASSWORD },
    });
    expect(result.status).toBe(204);
    expect(await authenticateUser(db(), user.email, NEW_PASSWORD)).not.toBeNull();
    expect(await authenticateBearer(db(), apiToken)).toBeNull();
  });

  it("refuses a reused link (409 link_used) without changing anything", async () => {
    const user = await makeUser(db());
    await requestPasswordReset(db(), { email: user.email, clientAddress: null });
    const token = await resetToken(user.email);
    await call(confirmRoute, "POST", "/users/password-reset/confirm", {
      body: { token, new_password: NEW_PASSWORD },
    });
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(confirmRoute, "POST", "/users/password-reset/confirm", {
          body: { token, new_password: "third-password" },
        }),
      { status: 409, error: "link_used" },
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: confirmRoute,
    method: "POST",
    path: "/users/password-reset/confirm",
    auth: "none",
    validBody: () => ({ token: "a".repeat(43), new_password: NEW_PASSWORD }),
    invalidBodies: [
      {
        name: "an unknown token",
        body: () => ({ token: "b".repeat(43), new_password: NEW_PASSWORD }),
        error: "link_invalid",
        status: 404,
      },
      {
        name: "a malformed token",
        body: () => ({ token: "short", new_password: NEW_PASSWORD }),
        error: "validation_error",
      },
      {
        name: "a too-short password",
        body: () => ({ token: "a".repeat(43), new_password: "short" }),
        error: "validation_error",
      },
      {
        name: "a missing password",
        body: () => ({ token: "a".repeat(43) }),
        error: "validation_error",
      },
    ],
  });
});
