"use server";

import { z } from "zod";
import { inspectPath } from "@/lib/scenarios/inspector/inspect-path";
import type {
  InspectorRun,
  InspectorRunList,
  InspectorRunPath,
  InspectorSimulation,
  InspectorTestEvent,
} from "@/lib/scenarios/inspector/inspector-types";
import { defineAction } from "@/lib/actions/define-action";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/forms/form-fields";
import { describeCriteria } from "@/lib/scenarios/criteria";
import { loadVersionGraph } from "@/lib/scenarios/engine/load-version-graph";
import { fireScenarioTest } from "@/lib/scenarios/fire-scenario-test";
import { type ScenarioGraph, scenarioGraphSchema } from "@/lib/scenarios/graph";
import { isTriggerNode, triggerEventOf } from "@/lib/scenarios/nodes/definitions";
import { findScenarioVersion } from "@/lib/scenarios/admin/find-scenario-version";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";
import { findUserIdByEmail } from "@/lib/scenarios/admin/find-user-id-by-email";
import type { ScenarioRunRow } from "@/lib/scenarios/runs/list-scenario-runs";
import { getScenarioRunPath } from "@/lib/scenarios/runs/get-scenario-run-path";
import { listScenarioRuns } from "@/lib/scenarios/runs/list-scenario-runs";
import { simulateScenario } from "@/lib/scenarios/simulate-scenario";

/**
 * The builder's run inspector: a user's runs of this scenario, one run's path with a decision line per visit, the
 * predicted path, and a test event. Every action goes through defineAction, which checks the role first: the reads
 * need automation.read, the test event automation.write.
 */

const email = z.string().trim().email({ message: "Enter the user's email." }).max(320);
const versionField = z.union([z.enum(["draft", "current"]), z.coerce.number().int().positive()]);

/** How many of a user's runs the panel lists (newest first). */
const RUNS_SHOWN = 50;

/** The user's runs of this scenario, newest first; an unknown email is a `user_not_found` message. */
export const findUserRunsAction = defineAction(
  {
    permission: "automation.read",
    name: "scenarios.find-user-runs",
    schema: z.object({ id: idField, email }),
  },
  async ({ id, email: address }, { db }): Promise<InspectorRunList> => {
    const userId = await findUserIdByEmail(db, address);
    const { rows, total } = await listScenarioRuns(db, {
      scenarioId: id,
      userId,
      limit: RUNS_SHOWN,
    });
    return { email: rows[0]?.userEmail ?? address, runs: rows.map(runView), total };
  },
);

/** One run of this scenario on the version it walked, with its decision lines. */
export const loadRunPathAction = defineAction(
  {
    permission: "automation.read",
    name: "scenarios.load-run-path",
    schema: z.object({ id: idField, runId: idField }),
  },
  async ({ id, runId }, { db }): Promise<InspectorRunPath> => {
    // The scenario id is part of the lookup, so another scenario's run is not found here.
    const found = await getScenarioRunPath(db, { runId, scenarioId: id });
    if (!found)
      throw notFound("scenario_run_not_found", `Run #${runId} is not a run of this scenario.`);
    const graph = await loadVersionGraph(db, found.run.versionId);
    const path = inspectPath(graph, found.steps, {
      criteria: describeCriteria(),
      simulated: false,
    });
    return {
      run: { ...runView(found.run), email: found.run.userEmail },
      versionNumber: found.run.versionNumber,
      graph,
      ...path,
    };
  },
);

/** The path the user would take now through the draft, the current version or a numbered one. Nothing is sent. */
export const simulatePathAction = defineAction(
  {
    permission: "automation.read",
    name: "scenarios.simulate-path",
    schema: z.object({ id: idField, email, version: versionField }),
  },
  async ({ id, email: address, version }, { db }): Promise<InspectorSimulation> => {
    const userId = await findUserIdByEmail(db, address);
    const result = await simulateScenario(db, { scenarioId: id, version, userId });
    const graph = await simulatedGraph(db, id, result.versionNumber);
    const path = inspectPath(graph, result.steps, {
      criteria: describeCriteria(),
      simulated: true,
    });
    return { email: address, versionNumber: result.versionNumber, graph, ...path };
  },
);

/** Fire `scenario.test` for the user, and say whether this scenario is one that starts on it. */
export const sendInspectorTestEventAction = defineAction(
  {
    permission: "automation.write",
    name: "scenarios.send-test-event",
    schema: z.object({ id: idField, email }),
  },
  async ({ id, email: address }, { db }) => {
    const userId = await findUserIdByEmail(db, address);
    const scenario = await requireScenario(db, id);
    const { eventId } = await fireScenarioTest(db, { userId });
    // The version new runs start on: an enabled scenario's current one.
    const liveVersionId = scenario.status === "enabled" ? scenario.currentVersionId : null;
    const startsHere =
      liveVersionId !== null && startsOnTestEvent(await loadVersionGraph(db, liveVersionId));
    const data: InspectorTestEvent = { eventId, startsHere };
    const sent = `Sent scenario.test for ${address}`;
    if (startsHere)
      return {
        ok: true as const,
        message: `${sent}: this scenario starts on it. Search again in a moment to see the run.`,
        data,
      };
    const why = liveVersionId !== null ? "does not start on scenario.test" : "is not enabled";
    return {
      ok: true as const,
      message: `${sent}. This scenario ${why}, so it does not run for this event.`,
      data,
    };
  },
);

function runView(row: ScenarioRunRow): InspectorRun {
  return {
    id: row.id,
    status: row.status,
    statusReason: row.statusReason,
    versionNumber: row.versionNumber,
    triggerEvent: row.triggerEvent,
    startedAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The graph a simulation walked: the version it names, or the saved draft. */
async function simulatedGraph(
  db: Db,
  scenarioId: number,
  versionNumber: number | null,
): Promise<ScenarioGraph> {
  if (versionNumber !== null)
    return loadVersionGraph(
      db,
      (await findScenarioVersion(db, { scenarioId, number: versionNumber })).id,
    );
  return scenarioGraphSchema.parse((await requireScenario(db, scenarioId)).draftGraph);
}

function startsOnTestEvent(graph: ScenarioGraph): boolean {
  return graph.nodes.some(
    (node) => isTriggerNode(node) && triggerEventOf(node) === "scenario.test",
  );
}
