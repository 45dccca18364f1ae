import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { advanceClock, DAY_MS } from "@/lib/clock";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { apiTokens, events, users } from "@/lib/db/schema";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { issueUserToken, USER_TOKEN_LIFETIME_DAYS } from "@/lib/users/issue-user-token";
import { revokeUserToken } from "@/lib/users/revoke-user-token";
import { openTestDatabase } from "../../support/test-database";
import { uniqueEmail } from "./fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("createUser", () => {
  it("stores a bcrypt hash, never the password, and records user.created in the same transaction", async () => {
    const email = uniqueEmail("hash");
    const user = await createUser(database.db, {
      email,
      password: "correct horse",
      source: "test",
    });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(user.passwordHash).not.toContain("correct horse");
    const rows = await database.db.select().from(events).where(eq(events.userId, user.id));
    expect(rows.map((row) => [row.name, row.payload.source])).toEqual([["user.created", "test"]]);
  });

  it("treats emails case-insensitively: a second account is user_exists and leaves no event", async () => {
    const email = uniqueEmail("dup");
    await createUser(database.db, { email });
    const [before] = await database.db.select({ n: count() }).from(events);
    await expect(createUser(database.db, { email: email.toUpperCase() })).rejects.toMatchObject({
      code: "user_exists",
      status: 409,
    });
    const [after] = await database.db.select({ n: count() }).from(events);
    expect(after?.n).toBe(before?.n);
  });

  it("creates exactly one account when the same email is registered concurrently", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => createUser(database.db, { email })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "user_exists" });
    const [row] = await database.db
      .select({ n: count() })
      .from(users)
      .where(eq(users.email, email));
    expect(row?.n).toBe(1);
  });

  it("writes nothing when the surrounding transaction rolls back", async () => {
    const email = uniqueEmail("rollback");
    await expect(
      database.db.transaction(async (tx) => {
        await createUser(tx, { email });
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });
});

describe("authenticateUser", () => {
  it("accepts the right password in any email case and refuses a wrong one or an unknown email", async () => {
    const email = uniqueEmail("login");
    await createUser(database.db, { email, password: "right-password" });
    expect(
      (await authenticateUser(database.db, email.toUpperCase(), "right-password"))?.email,
    ).toBe(email);
    expect(await authenticateUser(database.db, email, "wrong-password")).toBeNull();
    expect(await authenticateUser(database.db, uniqueEmail("nobody"), "right-password")).toBeNull();
  });
});

describe("changeUserRole", () => {
  it("promotes and demotes, but never the last owner", async () => {
    const db = database.db;
    await db.update(users).set({ role: "customer" }).where(eq(users.role, "owner"));
    const a = await createUser(db, { email: uniqueEmail("owner-a"), role: "owner" });
    const b = await createUser(db, { email: uniqueEmail("owner-b") });
    expect((await changeUserRole(db, { userId: b.id, role: "owner" })).user.role).toBe("owner");
    // Two owners demoted at once: exactly one demotion may win.
    const results = await Promise.allSettled([
      changeUserRole(db, { userId: a.id, role: "admin" }),
      changeUserRole(db, { userId: b.id, role: "customer" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({
      code: "last_owner",
      status: 409,
    });
    expect(await db.select().from(users).where(eq(users.role, "owner"))).toHaveLength(1);
  });

  it("signs the user out everywhere and revokes their user tokens; the same role again changes nothing", async () => {
    const db = database.db;
    const user = await createUser(db, { email: uniqueEmail("promoted") });
    const { token } = await issueUserToken(db, { userId: user.id });

    const promoted = await changeUserRole(db, { userId: user.id, role: "support" });
    expect(promoted).toMatchObject({
      changed: true,
      user: { role: "support", sessionVersion: user.sessionVersion + 1 },
    });
    expect(await authenticateBearer(db, token)).toBeNull();

    const { token: later } = await issueUserToken(db, { userId: user.id });
    const again = await changeUserRole(db, { userId: user.id, role: "support" });
    expect(again).toMatchObject({
      changed: false,
      user: { sessionVersion: user.sessionVersion + 1 },
    });
    expect(await authenticateBearer(db, later)).not.toBeNull();
  });

  it("refuses an unknown user", async () => {
    await expect(
      changeUserRole(database.db, { userId: 2_000_000_000, role: "viewer" }),
    ).rejects.toMatchObject({ code: "user_not_found", status: 404 });
  });
});

describe("tokens", () => {
  it("API tokens authenticate with their scopes until revoked; only the hash is stored", async () => {
    const { token, record } = await createApiToken(database.db, {
      name: "crm",
      scopes: ["users:write"],
    });
    const [stored] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, record.id));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await authenticateBearer(database.db, token)).toMatchObject({
      kind: "api",
      scopes: ["users:write"],
    });
    await revokeApiToken(database.db, { tokenId: record.id });
    expect(await authenticateBearer(database.db, token)).toBeNull();
    await expect(revokeApiToken(database.db, { tokenId: record.id })).rejects.toMatchObject({
      code: "api_token_not_found",
    });
  });

  it("user tokens expire, and only their owner can revoke them", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("token") });
    const other = await createUser(database.db, { email: uniqueEmail("other") });
    const { token } = await issueUserToken(database.db, { userId: user.id });
    const principal = await authenticateBearer(database.db, token);
    expect(principal).toMatchObject({ kind: "user", user: { id: user.id } });
    if (principal?.kind !== "user") throw new Error("expected a user token");
    expect(
      await revokeUserToken(database.db, { userId: other.id, tokenId: principal.tokenId }),
    ).toBe(false);
    expect(await authenticateBearer(database.db, token)).not.toBeNull();
    advanceClock((USER_TOKEN_LIFETIME_DAYS + 1) * DAY_MS);
    expect(await authenticateBearer(database.db, token)).toBeNull();
  });

  it("resolves garbage and unknown tokens to nobody", async () => {
    expect(await authenticateBearer(database.db, "not-a-token")).toBeNull();
    expect(await authenticateBearer(database.db, "sf_api_unknown")).toBeNull();
    expect(await authenticateBearer(database.db, "sf_user_unknown")).toBeNull();
  });
});
