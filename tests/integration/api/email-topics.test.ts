import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as deleteRoute,
  GET as getRoute,
  PATCH as patchRoute,
} from "@/app/api/v1/email-topics/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/email-topics/route";
import {
  GET as myPreferencesRoute,
  PUT as putMyPreferencesRoute,
} from "@/app/api/v1/users/me/email-preferences/route";
import {
  emailPreferencesResponseSchema,
  emailTopicResponseSchema,
} from "@/lib/api/operations/email-topics";
import { auditLog, emailTopics, userEmailPreferences } from "@/lib/db/schema";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { openTestDatabase } from "../../support/test-database";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
  withParams,
} from "./api-test-kit";

/* The email topics API (admin token, scope email:topics) and a customer's own email preferences (user token). */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "email:topics");
});
afterAll(() => database.close());

const topicByCode = async (code: string) =>
  (await db().select().from(emailTopics).where(eq(emailTopics.code, code)))[0]!;

describe("POST /api/v1/email-topics", () => {
  it("creates a marketing topic (201), never a transactional one", async () => {
    const result = await call(createRoute, "POST", "/email-topics", {
      token: tokens.api,
      body: { code: "weekly", name: "Weekly digest", subscribed_by_default: false, sorting: 20 },
    });
    expect(result.status).toBe(201);
    expect(emailTopicResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.topic).toMatchObject({
      code: "weekly",
      name: "Weekly digest",
      transactional: false,
      subscribed_by_default: false,
      sorting: 20,
      template_count: 0,
    });
  });

  it("refuses a taken code (409) and a body that asks for a transactional topic (400)", async () => {
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(createRoute, "POST", "/email-topics", {
          token: tokens.api,
          body: { code: "news", name: "Again" },
        }),
      { status: 409, error: "email_topic_exists" },
    );
    const before = await db().select().from(emailTopics);
    const result = await call(createRoute, "POST", "/email-topics", {
      token: tokens.api,
      body: { code: "receipts", name: "Receipts", transactional: true },
    });
    expect(result.status).toBe(400);
    expect(result.json.error).toBe("validation_error");
    expect(await db().select().from(emailTopics)).toEqual(before);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/email-topics",
    auth: "api",
    validBody: () => ({ code: `t-${Math.random().toString(36).slice(2, 8)}`, name: "T" }),
    invalidBodies: [
      {
        name: "a code with capitals",
        body: () => ({ code: "News", name: "x" }),
        error: "validation_error",
      },
      { name: "no name", body: () => ({ code: "nameless" }), error: "validation_error" },
      {
        name: "a sorting that is text",
        body: () => ({ code: "s", name: "S", sorting: "first" }),
        error: "validation_error",
      },
    ],
  });
});

describe("GET /api/v1/email-topics", () => {
  it("lists the topics in order, the account topic first", async () => {
    const result = await call(listRoute, "GET", "/email-topics", { token: tokens.api });
    expect(result.status).toBe(200);
    const codes = result.json.topics.map((topic: { code: string }) => topic.code);
    expect(codes.slice(0, 2)).toEqual(["account", "news"]);
    expect(result.json.topics[0]).toMatchObject({ transactional: true });
  });
});

describe("PATCH and DELETE /api/v1/email-topics/{id}", () => {
  it("changes the named fields only", async () => {
    const topic = await topicByCode("weekly");
    const result = await call(
      withParams(patchRoute, { id: topic.id }),
      "PATCH",
      `/email-topics/${topic.id}`,
      { token: tokens.api, body: { name: "Weekly news", description: "Every Monday." } },
    );
    expect(result.status).toBe(200);
    // The token's change is in the audit log, with what changed.
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, "email_topics"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({
      entityId: String(topic.id),
      operation: "update",
      after: { name: "Weekly news", description: "Every Monday." },
    });
    expect(result.json.topic).toMatchObject({
      code: "weekly",
      name: "Weekly news",
      description: "Every Monday.",
      subscribed_by_default: false,
      sorting: 20,
    });
  });

  it("keeps the account topic's code and keeps it on for everyone", async () => {
    const account = await topicByCode("account");
    const patch = withParams(patchRoute, { id: account.id });
    for (const body of [{ code: "acct" }, { subscribed_by_default: false }]) {
      await expectRefusedWithoutChange(
        db(),
        () => call(patch, "PATCH", `/email-topics/${account.id}`, { token: tokens.api, body }),
        { status: 409, error: "email_topic_built_in" },
      );
    }
    expect(await topicByCode("account")).toEqual(account);
    const renamed = await call(patch, "PATCH", `/email-topics/${account.id}`, {
      token: tokens.api,
      body: { name: "Your account" },
    });
    expect(renamed.json.topic).toMatchObject({ name: "Your account", transactional: true });
  });

  it("refuses to delete the account topic or a topic templates use (409), then deletes an unused one", async () => {
    const account = await topicByCode("account");
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(withParams(deleteRoute, { id: account.id }), "DELETE", `/email-topics/${account.id}`, {
          token: tokens.api,
        }),
      { status: 409, error: "email_topic_built_in" },
    );
    await saveEmailTemplate(db(), {
      code: "monday",
      name: "Monday",
      topic: "weekly",
      subject: "Hi",
      bodyHtml: "<p>Hi</p>",
      bodyText: "Hi",
    });
    const weekly = await topicByCode("weekly");
    const remove = withParams(deleteRoute, { id: weekly.id });
    await expectRefusedWithoutChange(
      db(),
      () => call(remove, "DELETE", `/email-topics/${weekly.id}`, { token: tokens.api }),
      { status: 409, error: "email_topic_in_use" },
    );
    const unused = await call(createRoute, "POST", "/email-topics", {
      token: tokens.api,
      body: { code: "gone-soon", name: "Gone soon" },
    });
    const id = unused.json.topic.id as number;
    const deleted = await call(withParams(deleteRoute, { id }), "DELETE", `/email-topics/${id}`, {
      token: tokens.api,
    });
    expect(deleted.status).toBe(204);
    const missing = await call(withParams(getRoute, { id }), "GET", `/email-topics/${id}`, {
      token: tokens.api,
    });
    expect(missing).toMatchObject({ status: 404, json: { error: "email_topic_not_found" } });
  });

  it("answers 404 for an id that is not one", async () => {
    for (const id of ["abc", "0", "99999999999"]) {
      const result = await call(withParams(getRoute, { id }), "GET", `/email-topics/${id}`, {
        token: tokens.api,
      });
      expect(result).toMatchObject({ status: 404, json: { error: "email_topic_not_found" } });
    }
  });
});

describe("GET and PUT /api/v1/users/me/email-preferences", () => {
  it("reads every topic with the user's state and changes only the token's own user", async () => {
    const read = await call(myPreferencesRoute, "GET", "/users/me/email-preferences", {
      token: tokens.user,
    });
    expect(read.status).toBe(200);
    expect(emailPreferencesResponseSchema.parse(read.json)).toEqual(read.json);
    expect(read.json.preferences.slice(0, 2)).toMatchObject([
      { topic: "account", subscribed: true, changeable: false, source: null },
      { topic: "news", subscribed: true, changeable: true, source: null },
    ]);

    // Sending back what was read (account on) is fine; leaving news is recorded with source api.
    const put = await call(putMyPreferencesRoute, "PUT", "/users/me/email-preferences", {
      token: tokens.user,
      body: {
        preferences: [
          { topic: "account", subscribed: true },
          { topic: "news", subscribed: false },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(put.json.preferences[1]).toMatchObject({
      topic: "news",
      subscribed: false,
      source: "api",
    });
    const rows = await db().select().from(userEmailPreferences);
    expect(rows).toEqual([
      expect.objectContaining({ userId: tokens.userId, subscribed: false, source: "api" }),
    ]);
  });

  it("refuses to leave account mail (409) or an unknown topic (404)", async () => {
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(putMyPreferencesRoute, "PUT", "/users/me/email-preferences", {
          token: tokens.user,
          body: { preferences: [{ topic: "account", subscribed: false }] },
        }),
      { status: 409, error: "email_topic_not_changeable" },
    );
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(putMyPreferencesRoute, "PUT", "/users/me/email-preferences", {
          token: tokens.user,
          body: { preferences: [{ topic: "nope", subscribed: true }] },
        }),
      { status: 404, error: "email_topic_not_found" },
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: putMyPreferencesRoute,
    method: "PUT",
    path: "/users/me/email-preferences",
    auth: "user",
    validBody: () => ({ preferences: [{ topic: "news", subscribed: true }] }),
    invalidBodies: [
      { name: "no changes", body: () => ({ preferences: [] }), error: "validation_error" },
      {
        name: "subscribed as text",
        body: () => ({ preferences: [{ topic: "news", subscribed: "no" }] }),
        error: "validation_error",
      },
      {
        name: "a user id",
        body: () => ({ user_id: 1, preferences: [{ topic: "news", subscribed: true }] }),
        error: "validation_error",
      },
    ],
  });
});
