import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/subscription-types/route";
import {
  subscriptionTypeListSchema,
  subscriptionTypeResponseSchema,
} from "@/lib/api/operations/subscriptions";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { openTestDatabase } from "../../support/test-database";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let writeTokens: Tokens;
let readTokens: Tokens;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  writeTokens = await createTokens(database.db, "subscriptions:write");
  readTokens = await createTokens(database.db, "subscriptions:read");
  await createContentAccess(database.db, { code: "web", name: "Web" });
  await createContentAccess(database.db, { code: "print", name: "Print" });
});
afterAll(() => database.close());

let codeCounter = 0;
const freshCode = () => `type_${++codeCounter}`;
const validBody = () => ({
  code: freshCode(),
  name: "Web monthly",
  length_days: 31,
  price_cents: 499,
  content_access: ["web"],
});

describe("POST /api/v1/subscription-types", () => {
  it("creates a type with content access, default flag and next type (201)", async () => {
    const year = await call(createRoute, "POST", "/subscription-types", {
      token: writeTokens.api,
      body: {
        code: "all_year",
        name: "Everything yearly",
        length_days: 365,
        price_cents: 9900,
        content_access: ["web", "print"],
      },
    });
    expect(year.status).toBe(201);
    const result = await call(createRoute, "POST", "/subscription-types", {
      token: writeTokens.api,
      body: {
        code: "all_month",
        name: "Everything monthly",
        length_days: 31,
        price_cents: 999,
        content_access: ["print", "web"],
        is_default: true,
        next_subscription_type_code: "all_year",
      },
    });
    expect(result.status).toBe(201);
    expect(subscriptionTypeResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.subscription_type).toMatchObject({
      code: "all_month",
      length_days: 31,
      price_cents: 999,
      active: true,
      is_default: true,
      content_access: ["print", "web"],
      next_subscription_type_code: "all_year",
      fixed_end: null,
      offered: false,
      position: 100,
      description: null,
      highlighted: false,
    });
  });

  it("creates a type offered on the pricing page, with its position, description and highlight (201)", async () => {
    const result = await call(createRoute, "POST", "/subscription-types", {
      token: writeTokens.api,
      body: {
        ...validBody(),
        offered: true,
        position: 7,
        description: "Every article, every day",
        highlighted: true,
      },
    });
    expect(result.status).toBe(201);
    expect(subscriptionTypeResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.subscription_type).toMatchObject({
      offered: true,
      position: 7,
      description: "Every article, every day",
      highlighted: true,
    });
  });

  it("refuses a duplicate code (409 subscription_type_exists)", async () => {
    const body = validBody();
    expect(
      (await call(createRoute, "POST", "/subscription-types", { token: writeTokens.api, body }))
        .status,
    ).toBe(201);
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(createRoute, "POST", "/subscription-types", {
          token: writeTokens.api,
          body: { ...body, name: "Again" },
        }),
      { status: 409, error: "subscription_type_exists" },
    );
  });

  it("refuses a read-only token (403 insufficient_scope)", async () => {
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(createRoute, "POST", "/subscription-types", {
          token: readTokens.api,
          body: validBody(),
        }),
      { status: 403, error: "insufficient_scope" },
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => writeTokens,
    handler: createRoute,
    method: "POST",
    path: "/subscription-types",
    auth: "api",
    validBody,
    invalidBodies: [
      {
        name: "unknown content access",
        body: () => ({ ...validBody(), content_access: ["web", "radio"] }),
        error: "content_access_not_found",
      },
      {
        name: "an unknown next type",
        body: () => ({ ...validBody(), next_subscription_type_code: "nope" }),
        error: "subscription_type_not_found",
      },
      {
        name: "no content access",
        body: () => ({ ...validBody(), content_access: [] }),
        error: "validation_error",
      },
      {
        name: "a decimal price",
        body: () => ({ ...validBody(), price_cents: 4.99 }),
        error: "validation_error",
      },
      {
        name: "a negative price",
        body: () => ({ ...validBody(), price_cents: -1 }),
        error: "validation_error",
      },
      {
        name: "a zero length",
        body: () => ({ ...validBody(), length_days: 0 }),
        error: "validation_error",
      },
      {
        name: "an uppercase code",
        body: () => ({ ...validBody(), code: "Web_Month" }),
        error: "validation_error",
      },
      {
        name: "camelCase fields",
        body: () => ({ ...validBody(), lengthDays: 31 }),
        error: "validation_error",
      },
      {
        name: "a description over 140 characters",
        body: () => ({ ...validBody(), description: "x".repeat(141) }),
        error: "validation_error",
      },
      {
        name: "a negative position",
        body: () => ({ ...validBody(), position: -1 }),
        error: "validation_error",
      },
      {
        name: "a fixed end without offset",
        body: () => ({ ...validBody(), fixed_end: "2027-01-01T00:00:00" }),
        error: "validation_error",
      },
    ],
  });
});

describe("GET /api/v1/subscription-types", () => {
  it("lists types by code with content access codes", async () => {
    const result = await call(listRoute, "GET", "/subscription-types", { token: readTokens.api });
    expect(result.status).toBe(200);
    expect(subscriptionTypeListSchema.parse(result.json)).toEqual(result.json);
    const codes = result.json.subscription_types.map((t: { code: string }) => t.code);
    expect(codes).toEqual([...codes].sort());
    expect(
      result.json.subscription_types.find((t: { code: string }) => t.code === "all_year"),
    ).toMatchObject({
      content_access: ["print", "web"],
      next_subscription_type_code: null,
    });
  });

  it("filters by active", async () => {
    await call(createRoute, "POST", "/subscription-types", {
      token: writeTokens.api,
      body: { ...validBody(), code: "retired", active: false },
    });
    const inactive = await call(listRoute, "GET", "/subscription-types", {
      token: readTokens.api,
      query: { active: "false" },
    });
    expect(inactive.json.subscription_types.map((t: { code: string }) => t.code)).toEqual([
      "retired",
    ]);
    const active = await call(listRoute, "GET", "/subscription-types", {
      token: readTokens.api,
      query: { active: "true" },
    });
    expect(active.json.subscription_types.map((t: { code: string }) => t.code)).not.toContain(
      "retired",
    );
  });

  it("refuses a write-only token (403 insufficient_scope)", async () => {
    const writeOnly = await createApiToken(db(), {
      name: "write only",
      scopes: ["subscriptions:write"],
    });
    await expectRefusedWithoutChange(
      db(),
      () => call(listRoute, "GET", "/subscription-types", { token: writeOnly.token }),
      {
        status: 403,
        error: "insufficient_scope",
      },
    );
  });

  it("refuses an invalid query (400 validation_error)", async () => {
    const queries: Record<string, string>[] = [{ active: "yes" }, { colour: "red" }];
    for (const query of queries) {
      await expectRefusedWithoutChange(
        db(),
        () => call(listRoute, "GET", "/subscription-types", { token: readTokens.api, query }),
        {
          status: 400,
          error: "validation_error",
        },
      );
    }
  });

  itRefusesBadRequests({
    db,
    tokens: () => readTokens,
    handler: listRoute,
    method: "GET",
    path: "/subscription-types",
    auth: "api",
  });
});
