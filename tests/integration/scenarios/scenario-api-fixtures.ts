import type { NextRequest, NextResponse } from "next/server";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioRuns, scenarioRunSteps } from "@/lib/db/schema";
import { POST as publishRoute } from "@/app/api/v1/scenarios/[id]/publish/route";
import { POST as createRoute } from "@/app/api/v1/scenarios/route";
import { call, withParams } from "../api/api-test-kit";
import { validGraph } from "./scenario-graphs";

/** Helpers for the scenarios API tests: route params, and runs written the way the engine records them. */

type RouteHandler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, string>> },
) => Promise<NextResponse>;

export { withParams };

/** A finished run through `t` → `w` of a published scenario, with its two visits. */
export async function recordFinishedRun(
  db: Db,
  options: { scenarioId: number; versionId: number; userId: number },
) {
  const at = now();
  const [run] = await db
    .insert(scenarioRuns)
    .values({
      ...options,
      triggerKey: `event:test-${at.getTime()}-${Math.random()}`,
      triggerEvent: "user.created",
      entryNodeIds: ["t"],
      status: "completed",
      startedAt: at,
      finishedAt: at,
    })
    .returning();
  if (!run) throw new Error("no run");
  await db.insert(scenarioRunSteps).values([
    {
      runId: run.id,
      scenarioId: options.scenarioId,
      versionId: options.versionId,
      nodeId: "t",
      nodeType: "event",
      stepKey: "main/t/1",
      visit: 1,
      enteredAt: at,
      finishedAt: at,
      outcome: "out",
      facts: { event: "user.created" },
    },
    {
      runId: run.id,
      scenarioId: options.scenarioId,
      versionId: options.versionId,
      nodeId: "w",
      nodeType: "wait",
      stepKey: "main/w/1",
      visit: 1,
      viaEdgeId: "e1",
      enteredAt: at,
      finishedAt: at,
      outcome: "out",
      facts: { minutes: 60 },
    },
  ]);
  return run;
}

/** Calls to the scenarios API with one token: create, call any `[id]` route, publish a valid scenario. */
export function scenarioApiClient(token: () => string) {
  const create = (body: unknown) =>
    call(createRoute, "POST", "/scenarios", { token: token(), body });
  const send = (
    handler: RouteHandler,
    params: Record<string, string | number>,
    method: string,
    body?: unknown,
    query?: Record<string, string>,
  ) =>
    call(
      withParams(handler, () => params),
      method,
      `/scenarios/${params.id}`,
      { token: token(), body, query },
    );
  const publishedScenario = async (name: string) => {
    const { json } = await create({ name, graph: validGraph() });
    const published = await send(publishRoute, { id: json.scenario.id }, "POST", {});
    if (published.status !== 201)
      throw new Error(`publish failed: ${JSON.stringify(published.json)}`);
    return { id: json.scenario.id as number, versionId: published.json.version.id as number };
  };
  return { create, send, publishedScenario };
}

export type { RouteHandler };
