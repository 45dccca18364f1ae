import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { advanceClock, freezeClock, MINUTE_MS } from "@/lib/clock";
import { throttleAttempts } from "@/lib/db/schema";
import { THROTTLE_POLICIES } from "@/lib/throttle/throttle-policies";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { uniqueEmail } from "../users/account-kit";
import { apiLogin, freshAddress } from "./throttle-kit";

/*
 * Sign-in is throttled per account and per client address, failures only, before the password is checked: after the
 * free failures every attempt waits 1 s, 2 s, 4 s … (429 too_many_attempts with Retry-After), the right password too.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const PASSWORD = "right-password";
const ACCOUNT_FREE = THROTTLE_POLICIES["sign-in"].account.freeAttempts;
const ADDRESS_FREE = THROTTLE_POLICIES["sign-in"].address.freeAttempts;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-04-01T09:00:00.000Z"));
});
afterAll(() => database.close());

async function account(): Promise<string> {
  const user = await createUser(db(), { email: uniqueEmail("signer"), password: PASSWORD });
  return user.email;
}

async function failTimes(count: number, email: string, address: () => string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const result = await apiLogin(email, "wrong-password", address());
    expect(result.status, JSON.stringify(result.json)).toBe(401);
  }
}

describe("POST /api/v1/users/login, throttled", () => {
  it(`after ${ACCOUNT_FREE} wrong passwords answers 429 with Retry-After, the right password too, until the wait is over`, async () => {
    const email = await account();
    const address = freshAddress();
    await failTimes(ACCOUNT_FREE, email, () => address);

    const refused = await apiLogin(email, "wrong-password", address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.json).toEqual({
      error: "too_many_attempts",
      message: "Too many sign-in attempts. Try again in 1 second.",
    });
    const right = await apiLogin(email, PASSWORD, address);
    expect(right.status).toBe(429);
    expect(right.json.error).toBe("too_many_attempts");

    advanceClock(999);
    expect((await apiLogin(email, PASSWORD, address)).status).toBe(429);
    advanceClock(1);
    const signedIn = await apiLogin(email, PASSWORD, address);
    expect(signedIn.status, JSON.stringify(signedIn.json)).toBe(200);
    expect(signedIn.json.access.token).toMatch(/^sf_user_/);
  });

  it("a successful sign-in clears the account's failures: the free attempts are back", async () => {
    const email = await account();
    const address = freshAddress();
    await failTimes(ACCOUNT_FREE - 1, email, () => address);
    expect((await apiLogin(email, PASSWORD, address)).status).toBe(200);
    await failTimes(ACCOUNT_FREE, email, () => address);
    expect((await apiLogin(email, "wrong-password", address)).status).toBe(429);
  });

  it("the waits double with each further failure: 1 s, 2 s, 4 s", async () => {
    const email = await account();
    const address = freshAddress();
    await failTimes(ACCOUNT_FREE, email, () => address);
    for (const seconds of [1, 2, 4]) {
      const refused = await apiLogin(email, "wrong-password", address);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe(String(seconds));
      advanceClock(seconds * 1000);
      expect((await apiLogin(email, "wrong-password", address)).status).toBe(401);
    }
    expect((await apiLogin(email, "wrong-password", address)).headers.get("retry-after")).toBe("8");
  });

  it("counts an account's failures from every address (a guesser switching addresses still waits)", async () => {
    const email = await account();
    await failTimes(ACCOUNT_FREE, email, freshAddress);
    expect((await apiLogin(email, PASSWORD, freshAddress())).status).toBe(429);
  });

  it(`counts an address's failures across accounts: after ${ADDRESS_FREE}, any account from it waits, not from elsewhere`, async () => {
    const address = freshAddress();
    for (let i = 0; i < ADDRESS_FREE; i++) {
      // Unknown emails count like wrong passwords, each on an account of its own.
      const result = await apiLogin(uniqueEmail("sprayed"), "guess-1234", address);
      expect(result.status).toBe(401);
    }
    const email = await account();
    const refused = await apiLogin(email, PASSWORD, address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect((await apiLogin(email, PASSWORD, freshAddress())).status).toBe(200);
  });

  it("does not count successful sign-ins against the address (many people sign in from one office)", async () => {
    const address = freshAddress();
    const email = await account();
    for (let i = 0; i < ADDRESS_FREE + 5; i++)
      expect((await apiLogin(email, PASSWORD, address)).status).toBe(200);
  });

  it(`lets exactly ${ACCOUNT_FREE} of many simultaneous wrong passwords be checked`, async () => {
    const email = await account();
    const results = await Promise.all(
      Array.from({ length: ACCOUNT_FREE + 7 }, () =>
        apiLogin(email, "wrong-password", freshAddress()),
      ),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(ACCOUNT_FREE);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it("keeps neither emails nor addresses in clear", async () => {
    const email = await account();
    const address = freshAddress();
    await failTimes(1, email, () => address);
    const stored = JSON.stringify(await db().select().from(throttleAttempts));
    expect(stored).not.toContain(email);
    expect(stored).not.toContain(address);
  });

  it("shares one allowance among requests that name no address", async () => {
    for (let i = 0; i < ADDRESS_FREE; i++) {
      const result = await apiLogin(uniqueEmail("anonymous"), "guess-1234", "");
      expect(result.status).toBe(401);
    }
    expect((await apiLogin(await account(), PASSWORD, "")).status).toBe(429);
    advanceClock(15 * MINUTE_MS);
  });
});

describe("the login form's sign-in (next-auth authorize)", () => {
  const provider = authOptions.providers[0] as unknown as {
    options: {
      authorize: (
        credentials: Record<string, string>,
        request: { headers: Record<string, string> },
      ) => Promise<{ id: string } | null>;
    };
  };
  const authorize = (email: string, password: string, address: string) =>
    provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": address } });

  it("refuses with the wait the form shows once the account must wait, the right password too", async () => {
    const email = await account();
    const address = freshAddress();
    for (let i = 0; i < ACCOUNT_FREE; i++)
      expect(await authorize(email, "wrong-password", address)).toBeNull();
    await expect(authorize(email, PASSWORD, address)).rejects.toThrow("too_many_attempts:1");
    advanceClock(1000);
    expect(await authorize(email, PASSWORD, address)).toMatchObject({ email });
  });
});
