import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as completeRoute } from "@/app/api/v1/goals/complete/route";
import {
  completeGoalResponseSchema,
  goalListSchema,
  goalResponseSchema,
} from "@/lib/api/operations/goals";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/goals/route";
import { events, goalCompletions } from "@/lib/db/schema";
import { saveGoal } from "@/lib/goals/save-goal";
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
beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "goals");
});
afterAll(() => database.close());

let codeCounter = 0;
const freshCode = () => `api_goal_${++codeCounter}`;
const newGoal = () => saveGoal(db(), { code: freshCode(), name: "Read an article" });
const completions = (userId: number) =>
  db().select().from(goalCompletions).where(eq(goalCompletions.userId, userId));
const goalEvents = (userId: number) =>
  db()
    .select()
    .from(events)
    .where(and(eq(events.name, "goal.completed"), eq(events.userId, userId)));
const complete = (token: string | undefined, body: unknown) =>
  call(completeRoute, "POST", "/goals/complete", { token, body });

describe("POST /api/v1/goals/complete", () => {
  it("with an API token completes for the given user once; a repeat answers completed_now false", async () => {
    const [goal, { userId }] = await Promise.all([newGoal(), createTokens(db(), null)]);
    const first = await complete(tokens.api, { goal_code: goal.code, user_id: userId });
    expect(first.status).toBe(200);
    expect(completeGoalResponseSchema.parse(first.json)).toEqual(first.json);
    expect(first.json).toMatchObject({
      completed_now: true,
      completion: { goal_id: goal.id, goal_code: goal.code, user_id: userId, source: "api" },
    });
    const second = await complete(tokens.api, { goal_code: goal.code, user_id: userId });
    expect(second.json).toMatchObject({
      completed_now: false,
      completion: { id: first.json.completion.id },
    });
    expect(await goalEvents(userId)).toHaveLength(1);
  });

  it("with an API token and no user_id is 400 user_id_required", async () => {
    const goal = await newGoal();
    await expectRefusedWithoutChange(db(), () => complete(tokens.api, { goal_code: goal.code }), {
      status: 400,
      error: "user_id_required",
    });
    expect(
      await db().select().from(goalCompletions).where(eq(goalCompletions.goalId, goal.id)),
    ).toHaveLength(0);
  });

  it("with a user token completes for the token's user, with or without their own user_id", async () => {
    const [a, b, own] = await Promise.all([newGoal(), newGoal(), createTokens(db(), "goals")]);
    const implicit = await complete(own.user, { goal_code: a.code });
    expect(implicit.status).toBe(200);
    expect(implicit.json).toMatchObject({
      completed_now: true,
      completion: { user_id: own.userId, source: "user" },
    });
    const explicit = await complete(own.user, { goal_code: b.code, user_id: own.userId });
    expect(explicit.json).toMatchObject({
      completed_now: true,
      completion: { user_id: own.userId, goal_code: b.code },
    });
    expect(await completions(own.userId)).toHaveLength(2);
  });

  it("refuses a user token naming another user (403 other_user_forbidden)", async () => {
    const goal = await newGoal();
    const victim = await createTokens(db(), null);
    await expectRefusedWithoutChange(
      db(),
      () => complete(tokens.user, { goal_code: goal.code, user_id: victim.userId }),
      {
        status: 403,
        error: "other_user_forbidden",
      },
    );
    expect(await completions(victim.userId)).toHaveLength(0);
    expect(await completions(tokens.userId)).toHaveLength(0);
  });

  it("answers 404 goal_not_found and 400 user_not_found", async () => {
    const goal = await newGoal();
    await expectRefusedWithoutChange(
      db(),
      () => complete(tokens.api, { goal_code: "no_such_goal", user_id: tokens.userId }),
      {
        status: 404,
        error: "goal_not_found",
      },
    );
    await expectRefusedWithoutChange(
      db(),
      () => complete(tokens.user, { goal_code: "no_such_goal" }),
      {
        status: 404,
        error: "goal_not_found",
      },
    );
    await expectRefusedWithoutChange(
      db(),
      () => complete(tokens.api, { goal_code: goal.code, user_id: 999_999 }),
      {
        status: 400,
        error: "user_not_found",
      },
    );
  });

  it("refuses missing, unknown and out-of-scope tokens (401/403)", async () => {
    const goal = await newGoal();
    const body = { goal_code: goal.code, user_id: tokens.userId };
    await expectRefusedWithoutChange(db(), () => complete(undefined, body), {
      status: 401,
      error: "unauthenticated",
    });
    await expectRefusedWithoutChange(db(), () => complete("sf_user_not-a-token", body), {
      status: 401,
      error: "invalid_token",
    });
    await expectRefusedWithoutChange(db(), () => complete(tokens.otherScope, body), {
      status: 403,
      error: "insufficient_scope",
    });
    expect(await completions(tokens.userId)).toHaveLength(0);
  });

  it("refuses bad bodies (400) from either token", async () => {
    const goal = await newGoal();
    const bad = [
      { raw: '{"goal_code": ', error: "invalid_json" },
      { raw: "", error: "invalid_body" },
      { body: { user_id: tokens.userId }, error: "validation_error" },
      { body: { goal_code: "Not A Code", user_id: tokens.userId }, error: "validation_error" },
      { body: { goal_code: goal.code, user_id: "1" }, error: "validation_error" },
      {
        body: { goal_code: goal.code, user_id: tokens.userId, extra: true },
        error: "validation_error",
      },
    ];
    for (const token of [tokens.api, tokens.user]) {
      for (const request of bad) {
        await expectRefusedWithoutChange(
          db(),
          () => call(completeRoute, "POST", "/goals/complete", { token, ...request }),
          {
            status: 400,
            error: request.error,
          },
        );
      }
    }
    expect(await completions(tokens.userId)).toHaveLength(0);
  });
});

describe("GET and POST /api/v1/goals", () => {
  it("creates a goal (201), refuses a taken code (409) and lists goals with completion counts", async () => {
    const created = await call(createRoute, "POST", "/goals", {
      token: tokens.api,
      body: { code: "first_login", name: "First login" },
    });
    expect(created.status).toBe(201);
    expect(goalResponseSchema.parse(created.json)).toEqual(created.json);
    expect(created.json.goal).toMatchObject({
      code: "first_login",
      name: "First login",
      description: null,
      completion_count: 0,
    });
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(createRoute, "POST", "/goals", {
          token: tokens.api,
          body: { code: "first_login", name: "Again" },
        }),
      {
        status: 409,
        error: "goal_exists",
      },
    );

    await complete(tokens.user, { goal_code: "first_login" });
    const list = await call(listRoute, "GET", "/goals", { token: tokens.api });
    expect(list.status).toBe(200);
    expect(goalListSchema.parse(list.json)).toEqual(list.json);
    expect(list.json.goals.find((g: { code: string }) => g.code === "first_login")).toMatchObject({
      completion_count: 1,
    });
  });

  it("GET refuses a user token and a token without the goals scope", async () => {
    const asUser = await call(listRoute, "GET", "/goals", { token: tokens.user });
    expect([asUser.status, asUser.json.error]).toEqual([403, "api_token_required"]);
    const otherScope = await call(listRoute, "GET", "/goals", { token: tokens.otherScope });
    expect([otherScope.status, otherScope.json.error]).toEqual([403, "insufficient_scope"]);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/goals",
    auth: "api",
    validBody: () => ({ code: freshCode(), name: "A goal" }),
    invalidBodies: [
      { name: "a missing name", body: () => ({ code: freshCode() }), error: "validation_error" },
      {
        name: "a code with spaces",
        body: () => ({ code: "two words", name: "X" }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({ code: freshCode(), name: "X", points: 3 }),
        error: "validation_error",
      },
    ],
  });
});
