import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  emailLog,
  goals,
  scenarioRuns,
  scenarioRunSteps,
  scenarios,
  scenarioVersions,
  type ScenarioReentry,
} from "@/lib/db/schema";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { recordEvent } from "@/lib/events/record-event";
import type { GraphEdge, GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import { createUser } from "@/lib/users/create-user";
import { uniqueEmail } from "../services/fixtures";

/** Graph building blocks for engine tests. */
export const at = { x: 0, y: 0 };
export const n = (
  id: string,
  type: GraphNode["type"],
  config: unknown,
  openPorts?: string[],
): GraphNode =>
  ({ id, type, config, position: at, ...(openPorts ? { openPorts } : {}) }) as GraphNode;
export const e = (id: string, from: string, fromPort: string, to: string): GraphEdge => ({
  id,
  from,
  fromPort,
  to,
});
export const on = (event: string, id = "t") => n(id, "event", { event });
export const email = (id: string, template: string) => n(id, "email", { template }, ["out"]);
export const wait = (id: string, minutes: number) => n(id, "wait", { minutes });

/** Insert an enabled scenario with one published version (the engine reads only these rows). */
export async function enabledScenario(
  db: Db,
  graph: ScenarioGraph,
  options: { reentry?: ScenarioReentry; reentryDays?: number } = {},
): Promise<{ scenarioId: number; versionId: number }> {
  const [scenario] = await db
    .insert(scenarios)
    .values({
      name: "test",
      status: "enabled",
      draftGraph: graph,
      reentry: options.reentry ?? "always",
      reentryDays: options.reentryDays,
    })
    .returning();
  const versionId = await publishVersion(db, scenario!.id, graph);
  return { scenarioId: scenario!.id, versionId };
}

export async function publishVersion(
  db: Db,
  scenarioId: number,
  graph: ScenarioGraph,
): Promise<number> {
  const [version] = await db
    .insert(scenarioVersions)
    .values({
      scenarioId,
      graph,
      number: sql`(select coalesce(max(number), 0) + 1 from scenario_versions where scenario_id = ${scenarioId})`,
    })
    .returning();
  await db
    .update(scenarios)
    .set({ currentVersionId: version!.id })
    .where(eq(scenarios.id, scenarioId));
  return version!.id;
}

export async function setStatus(db: Db, scenarioId: number, status: "enabled" | "disabled") {
  await db.update(scenarios).set({ status }).where(eq(scenarios.id, scenarioId));
}

export async function templates(db: Db, ...codes: string[]) {
  for (const code of codes) {
    await saveEmailTemplate(db, {
      code,
      name: code,
      subject: `Subject ${code}`,
      bodyHtml: `<p>${code}</p>`,
      bodyText: code,
    });
  }
}

export async function goal(db: Db, code: string) {
  await db.insert(goals).values({ code, name: code }).onConflictDoNothing();
}

export async function customer(db: Db, email = uniqueEmail("scn")) {
  return createUser(db, { email, name: "Scenario Tester" });
}

export const fire = (
  db: Db,
  name: `custom.${string}`,
  userId: number,
  payload: Record<string, unknown> = {},
) => recordEvent(db, { name, userId, payload });

/** A `payment.paid` domain event of the user, for `amountCents` (what exit rules and conversions listen to). */
export const paidEvent = (db: Db, userId: number, amountCents: number) =>
  recordEvent(db, {
    name: "payment.paid",
    userId,
    payload: {
      payment_id: 1,
      amount_cents: amountCents,
      gateway: "card",
      recurrent: false,
      subscription_id: null,
      subscription_type_id: null,
    },
  });

export async function runsOf(db: Db, scenarioId: number) {
  return db
    .select()
    .from(scenarioRuns)
    .where(eq(scenarioRuns.scenarioId, scenarioId))
    .orderBy(asc(scenarioRuns.id));
}

/** A run's visits as `node:outcome`, in order. */
export async function pathOf(db: Db, runId: number): Promise<string[]> {
  const steps = await db
    .select()
    .from(scenarioRunSteps)
    .where(eq(scenarioRunSteps.runId, runId))
    .orderBy(asc(scenarioRunSteps.enteredAt), asc(scenarioRunSteps.id));
  return steps.map((s) => `${s.nodeId}:${s.outcome ?? "…"}`);
}

export async function stepsOf(db: Db, runId: number) {
  return db
    .select()
    .from(scenarioRunSteps)
    .where(eq(scenarioRunSteps.runId, runId))
    .orderBy(asc(scenarioRunSteps.id));
}

export async function emailsTo(db: Db, userId: number) {
  return db.select().from(emailLog).where(eq(emailLog.userId, userId));
}
