import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createOptionRoute } from "@/app/api/v1/upgrade-schemas/[id]/options/route";
import {
  linkedSubscriptionTypesResponseSchema,
  upgradeOptionResponseSchema,
  upgradeSchemaListSchema,
  upgradeSchemaResponseSchema,
} from "@/lib/api/operations/upgrade-schemas";
import { POST as linkTypesRoute } from "@/app/api/v1/upgrade-schemas/[id]/subscription-types/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/upgrade-schemas/route";
import { upgradeOptions } from "@/lib/db/schema";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { linkSubscriptionTypes } from "@/lib/upgrades/admin/link-subscription-types";
import { saveUpgradeOption } from "@/lib/upgrades/admin/save-upgrade-option";
import { saveUpgradeSchema } from "@/lib/upgrades/admin/save-upgrade-schema";
import { openTestDatabase } from "../../support/test-database";
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
let guardSchemaId = 0;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "upgrades");
  for (const code of ["web", "print"]) await createContentAccess(db(), { code, name: code });
  await saveSubscriptionType(db(), {
    code: "web_monthly",
    name: "Web monthly",
    lengthDays: 31,
    priceCents: 499,
    contentAccessCodes: ["web"],
    isDefault: true,
  });
  await saveSubscriptionType(db(), {
    code: "web_yearly",
    name: "Web yearly",
    lengthDays: 365,
    priceCents: 4990,
    contentAccessCodes: ["web"],
    isDefault: true,
  });
  await saveSubscriptionType(db(), {
    code: "web_print_monthly",
    name: "Web + print",
    lengthDays: 31,
    priceCents: 999,
    contentAccessCodes: ["web", "print"],
    isDefault: true,
  });
  guardSchemaId = (await saveUpgradeSchema(db(), { name: "Guarded schema" })).id;
});
afterAll(() => database.close());

let nameCounter = 0;
const freshName = () => `API schema ${++nameCounter}`;
const newSchema = () => saveUpgradeSchema(db(), { name: freshName() });
const optionsOf = (schemaId: number) =>
  db().select().from(upgradeOptions).where(eq(upgradeOptions.upgradeSchemaId, schemaId));

describe("POST /api/v1/upgrade-schemas", () => {
  it("creates a schema (201)", async () => {
    const name = freshName();
    const result = await call(createRoute, "POST", "/upgrade-schemas", {
      token: tokens.api,
      body: { name },
    });
    expect(result.status).toBe(201);
    expect(upgradeSchemaResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.upgrade_schema).toMatchObject({
      name,
      option_count: 0,
      subscription_type_codes: [],
    });
  });

  it("refuses a taken name (409 upgrade_schema_name_taken)", async () => {
    const schema = await newSchema();
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(createRoute, "POST", "/upgrade-schemas", {
          token: tokens.api,
          body: { name: schema.name },
        }),
      {
        status: 409,
        error: "upgrade_schema_name_taken",
      },
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/upgrade-schemas",
    auth: "api",
    validBody: () => ({ name: freshName() }),
    invalidBodies: [
      { name: "a blank name", body: () => ({ name: "  " }), error: "validation_error" },
      {
        name: "an unknown field",
        body: () => ({ name: freshName(), extra: 1 }),
        error: "validation_error",
      },
    ],
  });
});

describe("GET /api/v1/upgrade-schemas", () => {
  it("lists schemas with option counts and linked type codes", async () => {
    const schema = await newSchema();
    await saveUpgradeOption(db(), {
      schemaId: schema.id,
      type: "short",
      config: { require_content: ["print"] },
    });
    await linkSubscriptionTypes(db(), {
      schemaId: schema.id,
      codes: ["web_monthly"],
      mode: "replace",
    });
    const result = await call(listRoute, "GET", "/upgrade-schemas", { token: tokens.api });
    expect(result.status).toBe(200);
    expect(upgradeSchemaListSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.upgrade_schemas).toContainEqual(
      expect.objectContaining({
        id: schema.id,
        name: schema.name,
        option_count: 1,
        subscription_type_codes: ["web_monthly"],
      }),
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: listRoute,
    method: "GET",
    path: "/upgrade-schemas",
    auth: "api",
  });
});

describe("POST /api/v1/upgrade-schemas/:id/options", () => {
  const post = (schemaId: number | string, body: unknown, token = tokens.api) =>
    call(
      withParams(createOptionRoute, { id: schemaId }),
      "POST",
      `/upgrade-schemas/${schemaId}/options`,
      { token, body },
    );

  it("adds an option with a validated, normalized config (201)", async () => {
    const schema = await newSchema();
    const result = await post(schema.id, {
      type: "paid_recurrent",
      config: {
        require_content: ["print"],
        monthly_fix: 200,
        require_tags: ["vip", "black-friday"],
      },
      subscription_type_code: "web_print_monthly",
    });
    expect(result.status).toBe(201);
    expect(upgradeOptionResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.option).toMatchObject({
      upgrade_schema_id: schema.id,
      type: "paid_recurrent",
      config: {
        require_content: ["print"],
        monthly_fix: 200,
        require_tags: ["black-friday", "vip"],
      },
      subscription_type_code: "web_print_monthly",
    });
    const plain = await post(schema.id, { type: "short", config: { require_content: ["print"] } });
    expect(plain.json.option).toMatchObject({
      type: "short",
      subscription_type_code: null,
      config: { require_content: ["print"] },
    });
    expect(await optionsOf(schema.id)).toHaveLength(2);
  });

  it("answers 404 for an unknown or malformed schema id, saving nothing", async () => {
    const body = { type: "short", config: { require_content: ["print"] } };
    await expectRefusedWithoutChange(db(), () => post(999_999, body), {
      status: 404,
      error: "upgrade_schema_not_found",
    });
    await expectRefusedWithoutChange(db(), () => post("abc", body), {
      status: 404,
      error: "upgrade_schema_not_found",
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(createOptionRoute, () => ({ id: guardSchemaId })),
    method: "POST",
    path: "/upgrade-schemas/1/options",
    auth: "api",
    validBody: () => ({ type: "short", config: { require_content: ["print"] } }),
    invalidBodies: [
      {
        name: "an unknown type",
        body: () => ({ type: "huge", config: { require_content: ["print"] } }),
        error: "validation_error",
      },
      {
        name: "no required content",
        body: () => ({ type: "short", config: { require_content: [] } }),
        error: "validation_error",
      },
      {
        name: "content both required and omitted",
        body: () => ({
          type: "short",
          config: { require_content: ["print"], omit_content: ["print"] },
        }),
        error: "validation_error",
      },
      {
        name: "a fractional monthly fix",
        body: () => ({ type: "short", config: { require_content: ["print"], monthly_fix: 1.5 } }),
        error: "validation_error",
      },
      {
        name: "an invalid tag",
        body: () => ({
          type: "short",
          config: { require_content: ["print"], require_tags: ["No Tag"] },
        }),
        error: "validation_error",
      },
      {
        name: "unknown content access",
        body: () => ({ type: "short", config: { require_content: ["video"] } }),
        error: "content_access_not_found",
      },
      {
        name: "an unknown target type",
        body: () => ({
          type: "short",
          config: { require_content: ["print"] },
          subscription_type_code: "nope",
        }),
        error: "subscription_type_not_found",
      },
    ],
  });
});

describe("POST /api/v1/upgrade-schemas/:id/subscription-types", () => {
  const post = (schemaId: number | string, body: unknown) =>
    call(
      withParams(linkTypesRoute, { id: schemaId }),
      "POST",
      `/upgrade-schemas/${schemaId}/subscription-types`,
      { token: tokens.api, body },
    );

  it("adds links idempotently and answers with the whole linked list (200)", async () => {
    const schema = await newSchema();
    const first = await post(schema.id, { subscription_type_codes: ["web_yearly"] });
    expect(first.status).toBe(200);
    expect(linkedSubscriptionTypesResponseSchema.parse(first.json)).toEqual(first.json);
    expect(first.json).toEqual({ subscription_type_codes: ["web_yearly"] });
    const second = await post(schema.id, {
      subscription_type_codes: ["web_monthly", "web_yearly"],
    });
    expect(second.json).toEqual({ subscription_type_codes: ["web_monthly", "web_yearly"] });
    const again = await post(schema.id, { subscription_type_codes: ["web_monthly"] });
    expect(again.json).toEqual({ subscription_type_codes: ["web_monthly", "web_yearly"] });
  });

  it("refuses unknown codes (400) and unknown schemas (404) without linking anything", async () => {
    const schema = await newSchema();
    await post(schema.id, { subscription_type_codes: ["web_monthly"] });
    await expectRefusedWithoutChange(
      db(),
      () => post(schema.id, { subscription_type_codes: ["web_yearly", "nope"] }),
      {
        status: 400,
        error: "subscription_type_not_found",
      },
    );
    await expectRefusedWithoutChange(
      db(),
      () => post(999_999, { subscription_type_codes: ["web_yearly"] }),
      {
        status: 404,
        error: "upgrade_schema_not_found",
      },
    );
    const unchanged = await post(schema.id, { subscription_type_codes: ["web_monthly"] });
    expect(unchanged.json).toEqual({ subscription_type_codes: ["web_monthly"] });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(linkTypesRoute, () => ({ id: guardSchemaId })),
    method: "POST",
    path: "/upgrade-schemas/1/subscription-types",
    auth: "api",
    validBody: () => ({ subscription_type_codes: ["web_monthly"] }),
    invalidBodies: [
      {
        name: "an empty list",
        body: () => ({ subscription_type_codes: [] }),
        error: "validation_error",
      },
      {
        name: "a list that is not codes",
        body: () => ({ subscription_type_codes: [3] }),
        error: "validation_error",
      },
    ],
  });
});
