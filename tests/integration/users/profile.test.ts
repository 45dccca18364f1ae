import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as meRoute, PATCH as updateMeRoute } from "@/app/api/v1/users/me/route";
import { meResponseSchema } from "@/lib/api/operations/users";
import { users } from "@/lib/db/schema";
import { countryOptions } from "@/lib/users/countries";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { profileSchema } from "@/lib/users/schemas";
import { updateProfile } from "@/lib/users/update-profile";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "../api/api-test-kit";
import { openTestDatabase } from "../../support/test-database";
import { makeUser } from "./account-kit";

/* The profile: a name and the postal address printed on receipts, changed by the user only for themselves. */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, null);
});
afterAll(() => database.close());

const rowOf = async (userId: number) =>
  (await db().select().from(users).where(eq(users.id, userId)))[0]!;

describe("profile form input", () => {
  it("trims, stores empty fields as null and upper-cases the country code", () => {
    const parsed = profileSchema.parse({
      name: " Pat ",
      addressLine1: " 1 Main St ",
      addressLine2: "",
      postalCode: " 10115 ",
      city: "Berlin",
      country: "de",
    });
    expect(parsed).toEqual({
      name: "Pat",
      addressLine1: "1 Main St",
      addressLine2: null,
      postalCode: "10115",
      city: "Berlin",
      country: "DE",
    });
  });

  it("names each invalid field: an empty name, an unknown country, an over-long postal code", () => {
    const result = profileSchema.safeParse({
      name: " ",
      addressLine1: "",
      addressLine2: "",
      postalCode: "9".repeat(21),
      city: "",
      country: "XX",
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path.join("."));
    expect(fields.sort()).toEqual(["country", "name", "postalCode"]);
  });

  it("offers every ISO country, sorted by English name", () => {
    const options = countryOptions();
    expect(options).toHaveLength(249);
    expect(options).toContainEqual({ code: "DE", name: "Germany" });
    expect(options.map((option) => option.name)).toEqual(
      [...options.map((option) => option.name)].sort((a, b) => a.localeCompare(b, "en")),
    );
  });
});

describe("updateProfile", () => {
  it("changes only the given fields of that user", async () => {
    const user = await makeUser(db(), { name: "Before" });
    const bystander = await makeUser(db(), { name: "Bystander" });
    await updateProfile(db(), {
      userId: user.id,
      changes: { addressLine1: "1 Main St", city: "Berlin", country: "de" },
    });
    expect(await rowOf(user.id)).toMatchObject({
      name: "Before",
      addressLine1: "1 Main St",
      city: "Berlin",
      country: "DE",
      postalCode: null,
    });
    await updateProfile(db(), { userId: user.id, changes: { name: "After", city: null } });
    expect(await rowOf(user.id)).toMatchObject({
      name: "After",
      addressLine1: "1 Main St",
      city: null,
      country: "DE",
    });
    expect(await rowOf(bystander.id)).toMatchObject({
      name: "Bystander",
      addressLine1: null,
      city: null,
    });
  });

  it("refuses an empty change and an unknown country", async () => {
    const user = await makeUser(db());
    await expect(updateProfile(db(), { userId: user.id, changes: {} })).rejects.toMatchObject({
      code: "validation_error",
    });
    await expect(
      updateProfile(db(), { userId: user.id, changes: { country: "XX" } }),
    ).rejects.toThrow();
    expect((await rowOf(user.id)).country).toBeNull();
  });
});

describe("GET and PATCH /api/v1/users/me", () => {
  it("PATCH changes the caller's name and address and answers like GET; GET shows them", async () => {
    const user = await makeUser(db());
    const { token } = await issueUserToken(db(), { userId: user.id });
    const patched = await call(updateMeRoute, "PATCH", "/users/me", {
      token,
      body: {
        name: "Pat API",
        address_line1: "2 High St",
        address_line2: null,
        postal_code: "SW1A 1AA",
        city: "London",
        country: "gb",
      },
    });
    expect(patched.status).toBe(200);
    expect(meResponseSchema.parse(patched.json)).toEqual(patched.json);
    expect(patched.json.user).toMatchObject({
      id: user.id,
      email: user.email,
      name: "Pat API",
      address_line1: "2 High St",
      address_line2: null,
      postal_code: "SW1A 1AA",
      city: "London",
      country: "GB",
    });
    const got = await call(meRoute, "GET", "/users/me", { token });
    expect(got.json).toEqual(patched.json);

    const cleared = await call(updateMeRoute, "PATCH", "/users/me", {
      token,
      body: { city: "", country: null },
    });
    expect(cleared.json.user).toMatchObject({
      name: "Pat API",
      city: null,
      country: null,
      address_line1: "2 High St",
    });
  });

  it("GET keeps its shape for a user without an address", async () => {
    const result = await call(meRoute, "GET", "/users/me", { token: tokens.user });
    expect(result.status).toBe(200);
    expect(meResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.user).toMatchObject({
      address_line1: null,
      address_line2: null,
      postal_code: null,
      city: null,
      country: null,
    });
  });

  it("refuses an unknown country (400 validation_error) without change", async () => {
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(updateMeRoute, "PATCH", "/users/me", { token: tokens.user, body: { country: "ZZ" } }),
      {
        status: 400,
        error: "validation_error",
      },
    );
    expect((await rowOf(tokens.userId)).country).toBeNull();
  });

  it("PATCH sets and clears the caller's language (en | sk); another value is 400 with nothing changed", async () => {
    const user = await makeUser(db());
    const { token } = await issueUserToken(db(), { userId: user.id });
    const patched = await call(updateMeRoute, "PATCH", "/users/me", {
      token,
      body: { locale: "sk" },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.user.locale).toBe("sk");
    expect((await rowOf(user.id)).locale).toBe("sk");
    const refused = await call(updateMeRoute, "PATCH", "/users/me", {
      token,
      body: { locale: "de" },
    });
    expect(refused).toMatchObject({ status: 400, json: { error: "validation_error" } });
    expect((await rowOf(user.id)).locale).toBe("sk");
    const cleared = await call(updateMeRoute, "PATCH", "/users/me", {
      token,
      body: { locale: null },
    });
    expect(cleared.json.user.locale).toBeNull();
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: updateMeRoute,
    method: "PATCH",
    path: "/users/me",
    auth: "user",
    validBody: () => ({ city: "Paris" }),
    invalidBodies: [
      { name: "an empty object", body: () => ({}), error: "validation_error" },
      { name: "an empty name", body: () => ({ name: "  " }), error: "validation_error" },
      {
        name: "a three-letter country",
        body: () => ({ country: "DEU" }),
        error: "validation_error",
      },
      {
        name: "someone else's id",
        body: () => ({ id: 1, city: "Paris" }),
        error: "validation_error",
      },
      {
        name: "an email (changed through /users/me/email)",
        body: () => ({ email: "x@example.com" }),
        error: "validation_error",
      },
    ],
  });
});
