import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as loginRoute } from "@/app/api/v1/users/login/route";
import { users, userTokens } from "@/lib/db/schema";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { changePassword } from "@/lib/users/change-password";
import { PASSWORD_RESET_TEMPLATE_CODE } from "@/lib/users/password-reset-template";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { resetPassword } from "@/lib/users/reset-password";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { call } from "../api/api-test-kit";
import { openTestDatabase } from "../../support/test-database";
import { makeUser, NEW_PASSWORD, PASSWORD, tokenFromLatestEmail } from "./account-kit";

/*
 * A password reset that lands while another request is between checking the old password and acting on it: the
 * request read the account before the reset, and what it does after must not undo the reset — a password change
 * must not replace the reset's password, a sign-in must not outlive the reset's "sign out everywhere".
 */

/** Run once, right after the next password check (the reset lands there). */
const hooks = vi.hoisted(() => ({ afterCheck: null as null | (() => Promise<void>) }));
vi.mock("@/lib/auth/passwords", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/passwords")>();
  return {
    ...actual,
    verifyPassword: async (...args: Parameters<typeof actual.verifyPassword>) => {
      const valid = await actual.verifyPassword(...args);
      const hook = hooks.afterCheck;
      hooks.afterCheck = null;
      await hook?.();
      return valid;
    },
  };
});

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterEach(() => {
  hooks.afterCheck = null;
});
afterAll(() => database.close());

const RESET_PASSWORD = "reset-by-the-owner";

/** The user's password reset, asked for now, to land when the returned function is called. */
async function pendingReset(email: string): Promise<() => Promise<unknown>> {
  await requestPasswordReset(db(), { email, clientAddress: null });
  const link = await tokenFromLatestEmail(
    db(),
    email,
    PASSWORD_RESET_TEMPLATE_CODE,
    "/reset-password",
  );
  return () => resetPassword(db(), { token: link, newPassword: RESET_PASSWORD });
}

/** A user, and their reset landing at the next password check. */
async function userWhoseResetLands() {
  const user = await makeUser(db());
  const reset = await pendingReset(user.email);
  hooks.afterCheck = async () => {
    await reset();
  };
  return user;
}

describe("a password reset landing while the old password is being checked", () => {
  it("refuses the password change that checked it (wrong_password): the reset's password stays", async () => {
    const user = await userWhoseResetLands();
    await expect(
      changePassword(db(), {
        userId: user.id,
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      }),
    ).rejects.toMatchObject({ code: "wrong_password" });
    expect(hooks.afterCheck).toBeNull(); // the reset did land
    expect(await authenticateUser(db(), user.email, RESET_PASSWORD)).not.toBeNull();
    expect(await authenticateUser(db(), user.email, NEW_PASSWORD)).toBeNull();
  });

  it("refuses the sign-in that checked it: no session, no last sign-in recorded", async () => {
    const user = await userWhoseResetLands();
    expect(await authenticateUser(db(), user.email, PASSWORD)).toBeNull();
    const [after] = await db().select().from(users).where(eq(users.id, user.id));
    expect(after!.lastLoginAt).toBeNull();
  });

  it("answers the API login 401 and issues no token", async () => {
    const user = await userWhoseResetLands();
    const response = await call(loginRoute, "POST", "/users/login", {
      body: { email: user.email, password: PASSWORD },
    });
    expect(response.status).toBe(401);
    expect(await db().select().from(userTokens).where(eq(userTokens.userId, user.id))).toEqual([]);
  });
});

describe("a user token for a sign-in that a reset overtook", () => {
  it("is not issued for the session version the sign-in had", async () => {
    const user = await makeUser(db());
    const signedIn = (await authenticateUser(db(), user.email, PASSWORD))!;
    await (
      await pendingReset(user.email)
    )();
    expect(
      await issueUserToken(db(), { userId: user.id, sessionVersion: signedIn.sessionVersion }),
    ).toBeNull();
    expect(await db().select().from(userTokens).where(eq(userTokens.userId, user.id))).toEqual([]);
  });
});
