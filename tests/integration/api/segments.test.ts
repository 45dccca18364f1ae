import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as countRoute } from "@/app/api/v1/segments/[id]/count/route";
import {
  DELETE as deleteRoute,
  GET as getRoute,
  PUT as updateRoute,
} from "@/app/api/v1/segments/[id]/route";
import { GET as memberRoute } from "@/app/api/v1/segments/[id]/users/[userId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/segments/route";
import { segmentListSchema, segmentResponseSchema } from "@/lib/api/operations/segments";
import { segments } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type ApiResult,
  type Tokens,
  withParams,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "segments");
  await createUser(database.db, { email: "member@segment.test" });
});
afterAll(() => database.close());

let counter = 0;
const domainRules = {
  match: "all",
  rules: [{ field: "email_domain", operator: "is", value: "segment.test" }],
};
const validBody = () => ({ code: `seg-${++counter}`, name: "Segment users", rules: domainRules });

const snapshot = () => db().select().from(segments).orderBy(asc(segments.id));
/** The kit's row counts do not cover segments: also check that no segment was added, changed or removed. */
async function refused(
  request: () => Promise<ApiResult>,
  expected: { status: number; error: string },
) {
  const before = await snapshot();
  const result = await expectRefusedWithoutChange(db(), request, expected);
  expect(await snapshot()).toEqual(before);
  return result;
}

async function create(body: object = validBody()) {
  const result = await call(createRoute, "POST", "/segments", { token: tokens.api, body });
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return result.json.segment as { id: number; code: string };
}

describe("POST /api/v1/segments", () => {
  it("creates a segment and returns it as stored (201)", async () => {
    const result = await call(createRoute, "POST", "/segments", {
      token: tokens.api,
      body: {
        code: "paying-web",
        name: "Paying web",
        description: "Web readers",
        rules: {
          match: "any",
          rules: [
            { field: "subscription", operator: "has", content_access: null },
            {
              field: "group",
              match: "all",
              rules: [{ field: "paid_payments_sum", operator: "gte", value: 1000 }],
            },
          ],
        },
      },
    });
    expect(result.status).toBe(201);
    expect(segmentResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.segment).toMatchObject({
      code: "paying-web",
      description: "Web readers",
      rules: { match: "any" },
    });
    expect((await snapshot()).map((row) => row.code)).toContain("paying-web");
  });

  it("refuses a taken code (409 segment_exists)", async () => {
    const body = validBody();
    await create(body);
    await refused(
      () =>
        call(createRoute, "POST", "/segments", {
          token: tokens.api,
          body: { ...body, name: "Other" },
        }),
      {
        status: 409,
        error: "segment_exists",
      },
    );
  });

  it("refuses a reference to a missing segment and a cycle through itself (400)", async () => {
    const ghost = {
      ...validBody(),
      rules: { match: "all", rules: [{ field: "segment", operator: "in", value: "ghost" }] },
    };
    await refused(
      () => call(createRoute, "POST", "/segments", { token: tokens.api, body: ghost }),
      { status: 400, error: "segment_not_found" },
    );
    const self = {
      code: "selfish",
      name: "Self",
      rules: { match: "all", rules: [{ field: "segment", operator: "not_in", value: "selfish" }] },
    };
    await refused(() => call(createRoute, "POST", "/segments", { token: tokens.api, body: self }), {
      status: 400,
      error: "segment_cycle",
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/segments",
    auth: "api",
    validBody,
    invalidBodies: [
      {
        name: "a bad code",
        body: () => ({ ...validBody(), code: "Bad Code" }),
        error: "validation_error",
      },
      {
        name: "an unknown rule field",
        body: () => ({
          ...validBody(),
          rules: { match: "all", rules: [{ field: "age", operator: "is", value: 3 }] },
        }),
        error: "validation_error",
      },
      {
        name: "a count that is not a whole number",
        body: () => ({
          ...validBody(),
          rules: {
            match: "all",
            rules: [{ field: "paid_payments_count", operator: "gte", value: 1.5 }],
          },
        }),
        error: "validation_error",
      },
      {
        name: "a missing value",
        body: () => ({
          ...validBody(),
          rules: { match: "all", rules: [{ field: "name", operator: "is" }] },
        }),
        error: "validation_error",
      },
      {
        name: "an empty group",
        body: () => ({
          ...validBody(),
          rules: { match: "all", rules: [{ field: "group", match: "any", rules: [] }] },
        }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({ ...validBody(), colour: "red" }),
        error: "validation_error",
      },
    ],
  });
});

describe("GET /api/v1/segments and /segments/{id}", () => {
  it("lists segments and reads one (200), 404 for an unknown or malformed id", async () => {
    const segment = await create();
    const list = await call(listRoute, "GET", "/segments", { token: tokens.api });
    expect(list.status).toBe(200);
    expect(segmentListSchema.parse(list.json).segments.map((s) => s.code)).toContain(segment.code);
    const one = await call(
      withParams(getRoute, { id: String(segment.id) }),
      "GET",
      `/segments/${segment.id}`,
      { token: tokens.api },
    );
    expect(one.status).toBe(200);
    expect(one.json.segment).toMatchObject({
      id: segment.id,
      code: segment.code,
      rules: domainRules,
    });
    for (const id of ["999999", "abc", "0"]) {
      await refused(
        () => call(withParams(getRoute, { id }), "GET", `/segments/${id}`, { token: tokens.api }),
        { status: 404, error: "segment_not_found" },
      );
    }
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(getRoute, { id: "1" }),
    method: "GET",
    path: "/segments/1",
    auth: "api",
  });
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: listRoute,
    method: "GET",
    path: "/segments",
    auth: "api",
  });
});

describe("PUT /api/v1/segments/{id}", () => {
  it("replaces the segment (200) and refuses a cycle, a rename in use and an unknown id", async () => {
    const base = await create();
    const user = await create({
      ...validBody(),
      rules: { match: "all", rules: [{ field: "segment", operator: "in", value: base.code }] },
    });
    const put = (id: number, body: object) =>
      call(withParams(updateRoute, { id: String(id) }), "PUT", `/segments/${id}`, {
        token: tokens.api,
        body,
      });

    const renamed = await put(base.id, {
      code: base.code,
      name: "Renamed",
      rules: { match: "any", rules: [] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.segment).toMatchObject({
      id: base.id,
      name: "Renamed",
      rules: { match: "any", rules: [] },
    });

    const loop = { match: "all", rules: [{ field: "segment", operator: "in", value: user.code }] };
    await refused(() => put(base.id, { code: base.code, name: "Loop", rules: loop }), {
      status: 400,
      error: "segment_cycle",
    });
    await refused(
      () => put(base.id, { code: `${base.code}-new`, name: "New code", rules: domainRules }),
      { status: 409, error: "segment_in_use" },
    );
    await refused(() => put(user.id, { code: base.code, name: "Taken", rules: domainRules }), {
      status: 409,
      error: "segment_exists",
    });
    await refused(() => put(999999, validBody()), { status: 404, error: "segment_not_found" });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(updateRoute, { id: "1" }),
    method: "PUT",
    path: "/segments/1",
    auth: "api",
    validBody,
  });
});

describe("DELETE /api/v1/segments/{id}", () => {
  it("deletes an unused segment (200) and refuses one in use (409)", async () => {
    const base = await create();
    const user = await create({
      ...validBody(),
      rules: { match: "all", rules: [{ field: "segment", operator: "not_in", value: base.code }] },
    });
    const del = (id: number) =>
      call(withParams(deleteRoute, { id: String(id) }), "DELETE", `/segments/${id}`, {
        token: tokens.api,
      });
    await refused(() => del(base.id), { status: 409, error: "segment_in_use" });
    expect((await del(user.id)).status).toBe(200);
    const gone = await del(base.id);
    expect(gone.status).toBe(200);
    expect(gone.json.segment.code).toBe(base.code);
    expect((await snapshot()).some((row) => row.id === base.id)).toBe(false);
    await refused(() => del(base.id), { status: 404, error: "segment_not_found" });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(deleteRoute, { id: "1" }),
    method: "DELETE",
    path: "/segments/1",
    auth: "api",
  });
});

describe("GET /api/v1/segments/{id}/count and /users/{userId}", () => {
  it("counts members and answers membership (200), 404 for an unknown user or segment", async () => {
    const segment = await create();
    const member = await createUser(db(), { email: "second@segment.test" });
    const outsider = await createUser(db(), { email: "outsider@elsewhere.test" });
    const count = await call(
      withParams(countRoute, { id: String(segment.id) }),
      "GET",
      `/segments/${segment.id}/count`,
      { token: tokens.api },
    );
    expect(count.status).toBe(200);
    expect(count.json).toEqual({ count: 2 });

    const ask = (id: number, userId: number) =>
      call(
        withParams(memberRoute, { id: String(id), userId: String(userId) }),
        "GET",
        `/segments/${id}/users/${userId}`,
        { token: tokens.api },
      );
    expect((await ask(segment.id, member.id)).json).toEqual({ member: true });
    expect((await ask(segment.id, outsider.id)).json).toEqual({ member: false });
    await refused(() => ask(segment.id, 999999), { status: 404, error: "user_not_found" });
    await refused(() => ask(999999, member.id), { status: 404, error: "segment_not_found" });
    await refused(
      () =>
        call(withParams(countRoute, { id: "999999" }), "GET", "/segments/999999/count", {
          token: tokens.api,
        }),
      {
        status: 404,
        error: "segment_not_found",
      },
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(countRoute, { id: "1" }),
    method: "GET",
    path: "/segments/1/count",
    auth: "api",
  });
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(memberRoute, { id: "1", userId: "1" }),
    method: "GET",
    path: "/segments/1/users/1",
    auth: "api",
  });
});
