import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as passwordRoute } from "@/app/api/v1/users/me/password/route";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { authOptions } from "@/lib/auth/auth-options";
import { currentUser } from "@/lib/auth/session";
import { users } from "@/lib/db/schema";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { changePassword } from "@/lib/users/change-password";
import { issueUserToken } from "@/lib/users/issue-user-token";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "../api/api-test-kit";
import { openTestDatabase } from "../../support/test-database";
import { makeUser, NEW_PASSWORD, PASSWORD } from "./account-kit";

/*
 * Changing a password ends every other session: browser sessions issued before carry an older session version and
 * read as signed out; user API tokens are revoked.
 */

// The browser session as next-auth would decode it from the cookie; each test sets the one it needs.
const browser = vi.hoisted(() => ({ session: null as unknown }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, null);
});
beforeEach(() => {
  browser.session = null;
});
afterAll(() => database.close());

/** The session a browser gets when it signs in now: what the jwt and session callbacks put in it. */
async function signInBrowser(userId: number) {
  const [current] = await db().select().from(users).where(eq(users.id, userId));
  const callbacks = authOptions.callbacks!;
  const token = await callbacks.jwt!({
    token: {} as never,
    user: { id: String(current!.id), role: current!.role, sessionVersion: current!.sessionVersion },
    account: null,
  });
  return callbacks.session!({
    session: { user: {}, expires: "" } as never,
    token,
    user: undefined as never,
    newSession: undefined,
    trigger: "update",
  });
}

describe("changePassword", () => {
  it("changes the hash, raises the session version, signs other browsers out and revokes user tokens", async () => {
    const user = await makeUser(db());
    const { token: apiToken } = await issueUserToken(db(), { userId: user.id });
    const otherBrowser = await signInBrowser(user.id);
    browser.session = otherBrowser;
    expect((await currentUser())?.id).toBe(user.id);

    const changed = await changePassword(db(), {
      userId: user.id,
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed).toEqual({ email: user.email, sessionVersion: user.sessionVersion + 1 });
    expect(await authenticateUser(db(), user.email, NEW_PASSWORD)).not.toBeNull();
    expect(await authenticateUser(db(), user.email, PASSWORD)).toBeNull();
    expect(await authenticateBearer(db(), apiToken)).toBeNull();

    browser.session = otherBrowser;
    expect(await currentUser()).toBeNull();
    // Signing in again (as the browser that made the change does) gives a session of the new version.
    browser.session = await signInBrowser(user.id);
    expect((await currentUser())?.id).toBe(user.id);
  });

  it("reads a session without a version (issued before versions existed) as version 0", async () => {
    const user = await makeUser(db());
    browser.session = { user: { id: user.id, role: "customer" }, expires: "" };
    expect((await currentUser())?.id).toBe(user.id);
    await changePassword(db(), {
      userId: user.id,
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(await currentUser()).toBeNull();
  });

  it("refuses a wrong current password (400 wrong_password) and changes nothing", async () => {
    const user = await makeUser(db());
    const { token: apiToken } = await issueUserToken(db(), { userId: user.id });
    await expect(
      changePassword(db(), {
        userId: user.id,
        currentPassword: "not-it-at-all",
        newPassword: NEW_PASSWORD,
      }),
    ).rejects.toMatchObject({
      code: "wrong_password",
      status: 400,
    });
    const [after] = await db().select().from(users).where(eq(users.id, user.id));
    expect(after!.sessionVersion).toBe(user.sessionVersion);
    expect(await authenticateBearer(db(), apiToken)).not.toBeNull();
  });

  it("refuses a new password shorter than registration allows", async () => {
    const user = await makeUser(db());
    await expect(
      changePassword(db(), { userId: user.id, currentPassword: PASSWORD, newPassword: "short" }),
    ).rejects.toThrow();
    expect(await authenticateUser(db(), user.email, PASSWORD)).not.toBeNull();
  });
});

describe("POST /api/v1/users/me/password", () => {
  it("answers 204 and revokes every user token, the calling one included", async () => {
    const user = await makeUser(db());
    const { token } = await issueUserToken(db(), { userId: user.id });
    const { token: other } = await issueUserToken(db(), { userId: user.id });
    const result = await call(passwordRoute, "POST", "/users/me/password", {
      token,
      body: { current_password: PASSWORD, new_password: NEW_PASSWORD },
    });
    expect([result.status, result.json]).toEqual([204, null]);
    expect(await authenticateBearer(db(), token)).toBeNull();
    expect(await authenticateBearer(db(), other)).toBeNull();
    expect(await authenticateUser(db(), user.email, NEW_PASSWORD)).not.toBeNull();
  });

  it("refuses a wrong current password (400 wrong_password) without change", async () => {
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(passwordRoute, "POST", "/users/me/password", {
          token: tokens.user,
          body: { current_password: "wrong-one", new_password: NEW_PASSWORD },
        }),
      { status: 400, error: "wrong_password" },
    );
    expect(await authenticateBearer(db(), tokens.user)).not.toBeNull();
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: passwordRoute,
    method: "POST",
    path: "/users/me/password",
    auth: "user",
    // Wrong on purpose: a valid body that succeeded would revoke the shared token the other checks use.
    validBody: () => ({ current_password: "not-the-password", new_password: NEW_PASSWORD }),
    invalidBodies: [
      {
        name: "a too-short new password",
        body: () => ({ current_password: "secret-password", new_password: "short" }),
        error: "validation_error",
      },
      {
        name: "a missing current password",
        body: () => ({ new_password: NEW_PASSWORD }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({
          current_password: "secret-password",
          new_password: NEW_PASSWORD,
          all: true,
        }),
        error: "validation_error",
      },
    ],
  });
});
