import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, goalCompletions } from "@/lib/db/schema";
import { completeGoal } from "@/lib/goals/complete-goal";
import { deleteGoal } from "@/lib/goals/delete-goal";
import { findIncompleteGoals } from "@/lib/goals/find-incomplete-goals";
import { listGoals } from "@/lib/goals/list-goals";
import { listUserGoalCompletions } from "@/lib/goals/list-user-goal-completions";
import { saveGoal } from "@/lib/goals/save-goal";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { uniqueEmail } from "../services/fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const newUser = () => createUser(db(), { email: uniqueEmail("goal") });
let codeCounter = 0;
const newGoal = () =>
  saveGoal(db(), { code: `goal_${++codeCounter}`, name: `Goal ${codeCounter}` });

async function goalEvents(userId: number) {
  return db()
    .select()
    .from(events)
    .where(and(eq(events.name, "goal.completed"), eq(events.userId, userId)));
}

describe("saveGoal", () => {
  it("creates and edits a goal; a taken code is goal_exists (409)", async () => {
    const goal = await saveGoal(db(), {
      code: "read_article",
      name: "Read an article",
      description: "  ",
    });
    expect(goal).toMatchObject({
      code: "read_article",
      name: "Read an article",
      description: null,
    });
    const edited = await saveGoal(db(), {
      id: goal.id,
      code: "read_article",
      name: "Read one",
      description: "Any",
    });
    expect(edited).toMatchObject({ id: goal.id, name: "Read one", description: "Any" });
    await expect(saveGoal(db(), { code: "read_article", name: "Again" })).rejects.toMatchObject({
      code: "goal_exists",
      status: 409,
    });
    await expect(saveGoal(db(), { code: "Not A Code", name: "X" })).rejects.toThrow();
  });
});

describe("completeGoal", () => {
  it("completes once: five concurrent calls make one completion and exactly one goal.completed event", async () => {
    const [user, goal] = await Promise.all([newUser(), newGoal()]);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        completeGoal(db(), { goalCode: goal.code, userId: user.id, source: "api" }),
      ),
    );
    expect(results.filter((result) => result.completedNow)).toHaveLength(1);
    const ids = new Set(results.map((result) => result.completion.id));
    expect(ids.size).toBe(1);
    expect(results[0]?.completion).toMatchObject({
      goalId: goal.id,
      userId: user.id,
      source: "api",
      goalCode: goal.code,
    });

    const recorded = await goalEvents(user.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.payload).toMatchObject({ goal_code: goal.code, goal_id: goal.id });

    const again = await completeGoal(db(), {
      goalCode: goal.code,
      userId: user.id,
      source: "admin",
    });
    expect(again.completedNow).toBe(false);
    expect(again.completion.source).toBe("api");
    expect(await goalEvents(user.id)).toHaveLength(1);
  });

  it("refuses an unknown goal (404) and an unknown user (400) without a row or event", async () => {
    const [user, goal] = await Promise.all([newUser(), newGoal()]);
    await expect(
      completeGoal(db(), { goalCode: "no_such_goal", userId: user.id, source: "user" }),
    ).rejects.toMatchObject({
      code: "goal_not_found",
      status: 404,
    });
    await expect(
      completeGoal(db(), { goalCode: goal.code, userId: 999_999, source: "api" }),
    ).rejects.toMatchObject({
      code: "user_not_found",
      status: 400,
    });
    const [row] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(goalCompletions)
      .where(eq(goalCompletions.goalId, goal.id));
    expect(row?.n).toBe(0);
    expect(await goalEvents(user.id)).toHaveLength(0);
  });
});

describe("findIncompleteGoals", () => {
  it("returns the codes the user has not completed, unknown codes included, in input order", async () => {
    const [user, other, a, b, c] = await Promise.all([
      newUser(),
      newUser(),
      newGoal(),
      newGoal(),
      newGoal(),
    ]);
    await completeGoal(db(), { goalCode: b.code, userId: user.id, source: "user" });
    await completeGoal(db(), { goalCode: a.code, userId: other.id, source: "user" });
    expect(
      await findIncompleteGoals(db(), {
        userId: user.id,
        goalCodes: [a.code, b.code, c.code, "deleted_goal"],
      }),
    ).toEqual([a.code, c.code, "deleted_goal"]);
    await completeGoal(db(), { goalCode: a.code, userId: user.id, source: "user" });
    await completeGoal(db(), { goalCode: c.code, userId: user.id, source: "user" });
    expect(
      await findIncompleteGoals(db(), { userId: user.id, goalCodes: [a.code, b.code, c.code] }),
    ).toEqual([]);
    expect(await findIncompleteGoals(db(), { userId: user.id, goalCodes: [] })).toEqual([]);
  });
});

describe("listGoals, listUserGoalCompletions and deleteGoal", () => {
  it("counts completions per goal, lists a user's completions, and deleting removes its completions", async () => {
    const [u1, u2, goal, untouched] = await Promise.all([
      newUser(),
      newUser(),
      newGoal(),
      newGoal(),
    ]);
    await completeGoal(db(), { goalCode: goal.code, userId: u1.id, source: "api" });
    await completeGoal(db(), { goalCode: goal.code, userId: u2.id, source: "admin" });
    const counts = await listGoals(db(), { ids: [goal.id, untouched.id] });
    expect(counts.map(({ code, completionCount }) => ({ code, completionCount }))).toEqual([
      { code: goal.code, completionCount: 2 },
      { code: untouched.code, completionCount: 0 },
    ]);
    expect(await listUserGoalCompletions(db(), { userId: u2.id })).toEqual([
      expect.objectContaining({ goalCode: goal.code, source: "admin" }),
    ]);

    await deleteGoal(db(), { goalId: goal.id });
    expect(await listUserGoalCompletions(db(), { userId: u1.id })).toEqual([]);
    await expect(deleteGoal(db(), { goalId: goal.id })).rejects.toMatchObject({
      code: "goal_not_found",
      status: 404,
    });
  });
});
