import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as deleteRoute,
  GET as getRoute,
  PUT as putRoute,
} from "@/app/api/v1/email-templates/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/email-templates/route";
import {
  emailTemplateListSchema,
  emailTemplateResponseSchema,
} from "@/lib/api/operations/email-templates";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { auditLog, emailTemplates } from "@/lib/db/schema";
import { openTestDatabase } from "../../support/test-database";
import { e, email, enabledScenario, on } from "../scenarios/scenario-kit";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  type Handler,
  itRefusesBadRequests,
  type Tokens,
  withParams,
} from "./api-test-kit";

/* The email templates API (admin token, scope email:templates; reading also with automation:read). */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let readToken: string;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "email:templates");
  readToken = (await createApiToken(database.db, { name: "reader", scopes: ["automation:read"] }))
    .token;
});
afterAll(() => database.close());

const body = (overrides: Record<string, unknown> = {}) => ({
  code: "api_welcome",
  name: "Welcome (API)",
  subject: "Hello {{ user.email }}",
  body_html: "<p>Hello {{ user.email }}</p>",
  body_text: "Hello {{ user.email }}",
  ...overrides,
});
const allTemplates = () => db().select().from(emailTemplates).orderBy(emailTemplates.id);
const byId = (handler: Handler, id: number | string) => withParams(handler, { id: String(id) });

describe("the email templates API, round trip", () => {
  let id: number;

  it("creates a template with a topic and tracking off (201), audited as the token's change", async () => {
    const result = await call(createRoute, "POST", "/email-templates", {
      token: tokens.api,
      body: body({ topic: "news", track_engagement: false }),
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(emailTemplateResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.template).toMatchObject({
      code: "api_welcome",
      name: "Welcome (API)",
      subject: "Hello {{ user.email }}",
      body_html: "<p>Hello {{ user.email }}</p>",
      body_text: "Hello {{ user.email }}",
      topic: "news",
      track_engagement: false,
    });
    id = result.json.template.id;
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "email_templates"), eq(auditLog.entityId, String(id))))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ operation: "insert", actorUserId: null });
    expect(entry!.actorTokenId).not.toBeNull();
    expect(entry!.actorLabel).toContain("token ");
  });

  it("reads it whole, with email:templates or automation:read", async () => {
    for (const token of [tokens.api, readToken]) {
      const result = await call(byId(getRoute, id), "GET", `/email-templates/${id}`, { token });
      expect(result.status).toBe(200);
      expect(result.json.template).toMatchObject({
        id,
        code: "api_welcome",
        body_html: "<p>Hello {{ user.email }}</p>",
        topic: "news",
        track_engagement: false,
      });
    }
  });

  it("lists templates by name with paging and the total", async () => {
    const full = await call(listRoute, "GET", "/email-templates", { token: readToken });
    expect(full.status).toBe(200);
    expect(emailTemplateListSchema.parse(full.json)).toEqual(full.json);
    expect(full.json.total).toBe((await allTemplates()).length);
    const mine = full.json.templates.find((t: { id: number }) => t.id === id);
    expect(mine).toEqual({
      id,
      code: "api_welcome",
      name: "Welcome (API)",
      subject: "Hello {{ user.email }}",
      topic: "news",
      track_engagement: false,
      updated_at: expect.any(String),
    });
    expect(mine).not.toHaveProperty("body_html");
    const names = full.json.templates.map((t: { name: string }) => t.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));

    const page = await call(listRoute, "GET", "/email-templates?limit=1&offset=1", {
      token: tokens.api,
    });
    expect(page.status).toBe(200);
    expect(page.json.templates).toEqual(full.json.templates.slice(1, 2));
    expect(page.json.total).toBe(full.json.total);

    const bad = await call(listRoute, "GET", "/email-templates?limit=0", { token: tokens.api });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe("validation_error");
  });

  it("replaces it (PUT): an omitted topic is kept, an omitted track_engagement is the default again", async () => {
    const result = await call(byId(putRoute, id), "PUT", `/email-templates/${id}`, {
      token: tokens.api,
      body: body({ name: "Welcome v2", subject: "Hi", body_text: "Hi\r\nthere" }),
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.template).toMatchObject({
      id,
      name: "Welcome v2",
      subject: "Hi",
      body_text: "Hi\nthere",
      topic: "news",
      track_engagement: null,
    });
    const switched = await call(byId(putRoute, id), "PUT", `/email-templates/${id}`, {
      token: tokens.api,
      body: body({ topic: "account", track_engagement: true }),
    });
    expect(switched.status).toBe(200);
    expect(switched.json.template).toMatchObject({ topic: "account", track_engagement: true });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "email_templates"), eq(auditLog.entityId, String(id))))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ operation: "update", after: { track_engagement: true } });
    expect(entry!.actorTokenId).not.toBeNull();
  });

  it("deletes it (204), then it is gone (404)", async () => {
    const result = await call(byId(deleteRoute, id), "DELETE", `/email-templates/${id}`, {
      token: tokens.api,
    });
    expect(result.status).toBe(204);
    expect((await allTemplates()).some((t) => t.id === id)).toBe(false);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "email_templates"), eq(auditLog.entityId, String(id))))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ operation: "delete" });
    const again = await call(byId(getRoute, id), "GET", `/email-templates/${id}`, {
      token: tokens.api,
    });
    expect(again.status).toBe(404);
    expect(again.json.error).toBe("email_template_not_found");
  });
});

describe("the email templates API, refusals", () => {
  let existing: { id: number; code: string };
  beforeAll(async () => {
    const result = await call(createRoute, "POST", "/email-templates", {
      token: tokens.api,
      body: body({ code: "api_existing", name: "Existing" }),
    });
    existing = result.json.template;
  });

  /** A refusal must leave every template as it was. */
  const expectTemplatesUnchanged = async (
    request: () => ReturnType<typeof call>,
    expected: { status: number; error: string },
  ) => {
    const before = await allTemplates();
    await expectRefusedWithoutChange(db(), request, expected);
    expect(await allTemplates()).toEqual(before);
  };

  it("refuses a taken code (409 email_template_exists), on create and on replace", async () => {
    await expectTemplatesUnchanged(
      () =>
        call(createRoute, "POST", "/email-templates", {
          token: tokens.api,
          body: body({ code: "api_existing" }),
        }),
      { status: 409, error: "email_template_exists" },
    );
    const other = await call(createRoute, "POST", "/email-templates", {
      token: tokens.api,
      body: body({ code: "api_other" }),
    });
    await expectTemplatesUnchanged(
      () =>
        call(byId(putRoute, other.json.template.id), "PUT", "/email-templates/x", {
          token: tokens.api,
          body: body({ code: "api_existing" }),
        }),
      { status: 409, error: "email_template_exists" },
    );
  });

  it("refuses an unknown topic (404 email_topic_not_found)", async () => {
    await expectTemplatesUnchanged(
      () =>
        call(createRoute, "POST", "/email-templates", {
          token: tokens.api,
          body: body({ code: "api_topicless", topic: "no-such-topic" }),
        }),
      { status: 404, error: "email_topic_not_found" },
    );
    await expectTemplatesUnchanged(
      () =>
        call(byId(putRoute, existing.id), "PUT", "/email-templates/x", {
          token: tokens.api,
          body: body({ code: "api_existing", topic: "no-such-topic" }),
        }),
      { status: 404, error: "email_topic_not_found" },
    );
  });

  it("refuses to delete or recode a template a scenario sends (409 template_in_use)", async () => {
    await enabledScenario(db(), {
      nodes: [on("custom.api_templates"), email("m", "api_existing")],
      edges: [e("e1", "t", "out", "m")],
    });
    await expectTemplatesUnchanged(
      () =>
        call(byId(deleteRoute, existing.id), "DELETE", "/email-templates/x", {
          token: tokens.api,
        }),
      { status: 409, error: "template_in_use" },
    );
    await expectTemplatesUnchanged(
      () =>
        call(byId(putRoute, existing.id), "PUT", "/email-templates/x", {
          token: tokens.api,
          body: body({ code: "api_renamed" }),
        }),
      { status: 409, error: "template_in_use" },
    );
    // The same code with other text is fine.
    const kept = await call(byId(putRoute, existing.id), "PUT", "/email-templates/x", {
      token: tokens.api,
      body: body({ code: "api_existing", name: "Still existing" }),
    });
    expect(kept.status).toBe(200);
  });

  it("answers 404 email_template_not_found for an unknown or malformed id", async () => {
    for (const value of ["999999", "0", "-1", "abc", "1.5", "99999999999"]) {
      for (const [handler, method, options] of [
        [getRoute, "GET", { token: tokens.api }],
        [putRoute, "PUT", { token: tokens.api, body: body({ code: "api_ghost" }) }],
        [deleteRoute, "DELETE", { token: tokens.api }],
      ] as const) {
        await expectTemplatesUnchanged(
          () => call(byId(handler, value), method, `/email-templates/${value}`, options),
          { status: 404, error: "email_template_not_found" },
        );
      }
    }
  });

  it("refuses bad fields (400 validation_error)", async () => {
    for (const bad of [
      body({ code: "Capitals" }),
      body({ subject: "" }),
      body({ body_html: "{{#if user}}never closed" }),
      body({ track_engagement: "yes" }),
      body({ bodyHtml: "camelCase is not the API's" }),
      { code: "api_partial", name: "Only a name" },
    ]) {
      await expectTemplatesUnchanged(
        () => call(createRoute, "POST", "/email-templates", { token: tokens.api, body: bad }),
        { status: 400, error: "validation_error" },
      );
      await expectTemplatesUnchanged(
        () =>
          call(byId(putRoute, existing.id), "PUT", "/email-templates/x", {
            token: tokens.api,
            body: bad,
          }),
        { status: 400, error: "validation_error" },
      );
    }
  });

  it("refuses writes with only automation:read (403)", async () => {
    await expectTemplatesUnchanged(
      () =>
        call(createRoute, "POST", "/email-templates", {
          token: readToken,
          body: body({ code: "api_reader" }),
        }),
      { status: 403, error: "insufficient_scope" },
    );
    await expectTemplatesUnchanged(
      () => call(byId(deleteRoute, existing.id), "DELETE", "/x", { token: readToken }),
      { status: 403, error: "insufficient_scope" },
    );
  });

  const guards: { handler: Handler; method: string; path: string }[] = [
    { handler: listRoute, method: "GET", path: "/email-templates" },
    {
      handler: (...args) => byId(getRoute, existing.id)(...args),
      method: "GET",
      path: "/email-templates/1",
    },
    {
      handler: (...args) => byId(deleteRoute, existing.id)(...args),
      method: "DELETE",
      path: "/email-templates/1",
    },
  ];
  for (const guard of guards) {
    describe(`${guard.method} ${guard.path}`, () => {
      itRefusesBadRequests({ db, tokens: () => tokens, ...guard, auth: "api" });
    });
  }

  describe("POST /email-templates", () => {
    itRefusesBadRequests({
      db,
      tokens: () => tokens,
      handler: createRoute,
      method: "POST",
      path: "/email-templates",
      auth: "api",
      validBody: () => body({ code: `t-${Math.random().toString(36).slice(2, 8)}` }),
    });
  });

  describe("PUT /email-templates/{id}", () => {
    itRefusesBadRequests({
      db,
      tokens: () => tokens,
      handler: (...args) => byId(putRoute, existing.id)(...args),
      method: "PUT",
      path: "/email-templates/1",
      auth: "api",
      validBody: () => body({ code: "api_existing" }),
    });
  });
});
