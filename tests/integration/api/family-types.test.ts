import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/family/types/route";
import { familyTypeListSchema, familyTypeResponseSchema } from "@/lib/api/operations/family";
import { DAY_MS, now } from "@/lib/clock";
import { familySubscriptionTypes } from "@/lib/db/schema";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { openTestDatabase } from "../../support/test-database";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;
// Each successful POST needs a master type without a family type: a fresh one per call.
let masterCounter = 0;
const freshMasterCode = async () => {
  const code = `family_master_${++masterCounter}`;
  await saveSubscriptionType(db(), {
    code,
    name: `Family ${masterCounter}`,
    lengthDays: 365,
    priceCents: 9900,
    contentAccessCodes: ["web"],
  });
  return code;
};
let nextMaster = "";

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "family");
  await createContentAccess(db(), { code: "web", name: "Web" });
  await saveSubscriptionType(db(), {
    code: "web_yearly",
    name: "Web yearly",
    lengthDays: 365,
    priceCents: 4990,
    contentAccessCodes: ["web"],
  });
  nextMaster = await freshMasterCode();
});
afterAll(() => database.close());

const copyBody = (master: string) => ({
  master_subscription_type_code: master,
  slave_subscription_type_code: "web_yearly",
  donation_method: "copy",
  count: 3,
  is_paid: true,
});
const create = (body: unknown, token = tokens.api) =>
  call(createRoute, "POST", "/family/types", { token, body });

describe("POST /api/v1/family/types", () => {
  it("creates a family type (201) and GET lists it", async () => {
    const master = await freshMasterCode();
    const created = await create({
      ...copyBody(master),
      allow_self_use: true,
      renewal_gap_days: 7,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(familyTypeResponseSchema.parse(created.json)).toEqual(created.json);
    expect(created.json.type).toEqual({
      id: expect.any(Number),
      master_subscription_type_code: master,
      slave_subscription_type_code: "web_yearly",
      donation_method: "copy",
      donation_days: null,
      donation_fixed_end: null,
      count: 3,
      is_paid: true,
      allow_self_use: true,
      renewal_gap_days: 7,
    });

    const listed = await call(listRoute, "GET", "/family/types", { token: tokens.api });
    expect(listed.status).toBe(200);
    expect(familyTypeListSchema.parse(listed.json)).toEqual(listed.json);
    expect(listed.json.types).toContainEqual(created.json.type);
  });

  it("creates customizable, days and fixed types with only their method's field", async () => {
    const fixedEnd = new Date(now().getTime() + 60 * DAY_MS).toISOString();
    const days = await create({
      master_subscription_type_code: await freshMasterCode(),
      donation_method: "days",
      donation_days: 30,
      donation_fixed_end: fixedEnd,
      count: 0,
    });
    expect(days.status).toBe(201);
    expect(days.json.type).toMatchObject({
      slave_subscription_type_code: null,
      donation_method: "days",
      donation_days: 30,
      donation_fixed_end: null,
      count: 0,
      is_paid: false,
      allow_self_use: false,
      renewal_gap_days: 0,
    });
    const fixed = await create({
      ...copyBody(await freshMasterCode()),
      donation_method: "fixed",
      donation_fixed_end: fixedEnd,
      donation_days: 5,
    });
    expect(fixed.status).toBe(201);
    expect(fixed.json.type).toMatchObject({
      donation_method: "fixed",
      donation_fixed_end: fixedEnd,
      donation_days: null,
    });
  });

  it("refuses a master type that already has a family type (409 family_type_exists)", async () => {
    const master = await freshMasterCode();
    expect((await create(copyBody(master))).status).toBe(201);
    await expectRefusedWithoutChange(db(), () => create({ ...copyBody(master), count: 5 }), {
      status: 409,
      error: "family_type_exists",
    });
    const [row] = await db()
      .select()
      .from(familySubscriptionTypes)
      .where(eq(familySubscriptionTypes.count, 5));
    expect(row).toBeUndefined();
  });

  it("refuses unknown subscription types (400 subscription_type_not_found)", async () => {
    await expectRefusedWithoutChange(db(), () => create(copyBody("no_such_type")), {
      status: 400,
      error: "subscription_type_not_found",
    });
    await expectRefusedWithoutChange(
      db(),
      () => create({ ...copyBody(nextMaster), slave_subscription_type_code: "no_such_type" }),
      {
        status: 400,
        error: "subscription_type_not_found",
      },
    );
  });

  it("names the body's own field when a method's field is missing", async () => {
    const result = await expectRefusedWithoutChange(
      db(),
      () => create({ ...copyBody(nextMaster), donation_method: "days" }),
      {
        status: 400,
        error: "validation_error",
      },
    );
    expect(result.json.message).toContain("donation_days");
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/family/types",
    auth: "api",
    validBody: () => copyBody(nextMaster),
    invalidBodies: [
      {
        name: "a missing master type",
        body: () => ({ donation_method: "copy", count: 1 }),
        error: "validation_error",
      },
      {
        name: "an unknown donation method",
        body: () => ({ ...copyBody(nextMaster), donation_method: "weeks" }),
        error: "validation_error",
      },
      {
        name: "days without donation_days",
        body: () => ({ ...copyBody(nextMaster), donation_method: "days" }),
        error: "validation_error",
      },
      {
        name: "fixed without donation_fixed_end",
        body: () => ({ ...copyBody(nextMaster), donation_method: "fixed" }),
        error: "validation_error",
      },
      {
        name: "a fixed end in the past",
        body: () => ({
          ...copyBody(nextMaster),
          donation_method: "fixed",
          donation_fixed_end: "2020-01-01T00:00:00Z",
        }),
        error: "validation_error",
      },
      {
        name: "the master type as the child type",
        body: () => ({ ...copyBody(nextMaster), slave_subscription_type_code: nextMaster }),
        error: "validation_error",
      },
      {
        name: "a count over 1000",
        body: () => ({ ...copyBody(nextMaster), count: 1001 }),
        error: "validation_error",
      },
      {
        name: "a negative renewal gap",
        body: () => ({ ...copyBody(nextMaster), renewal_gap_days: -1 }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({ ...copyBody(nextMaster), extra: true }),
        error: "validation_error",
      },
    ],
  });
});

describe("GET /api/v1/family/types", () => {
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: listRoute,
    method: "GET",
    path: "/family/types",
    auth: "api",
  });
});
