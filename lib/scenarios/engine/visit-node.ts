import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { GraphNode } from "@/lib/scenarios/graph";
import type { NodeType } from "@/lib/scenarios/nodes/definitions";
import { executorFor } from "@/lib/scenarios/nodes/executors";
import type { InstantNodeExecutor } from "@/lib/scenarios/nodes/node-executor";
import { createRunContext } from "@/lib/scenarios/run-context";
import type { ClaimedRun } from "./claim-scenario-run";
import {
  enterVisit,
  finishVisit,
  recordInstantVisit,
  setRunStatus,
  type VisitIdentity,
} from "./run-visits";

export type VisitResult =
  /** The node ran: continue on `port`. */
  | { status: "done"; port: string }
  /** A node that spans time was entered: its executor sleeps or waits, then finishes it. */
  | { status: "entered"; enteredAt: string }
  /** The branch ends here: the scenario was disabled, or the node failed. */
  | { status: "stopped" };

export const visitIdempotencyKey = (runId: number, stepKey: string) =>
  `scenario-run:${runId}:${stepKey}`;

export function visitIdentity(
  run: ClaimedRun,
  node: GraphNode,
  stepKey: string,
  visit: number,
  viaEdgeId: string | null,
): VisitIdentity {
  return {
    runId: run.runId,
    scenarioId: run.scenarioId,
    versionId: run.versionId,
    nodeId: node.id,
    nodeType: node.type,
    stepKey,
    visit,
    viaEdgeId,
  };
}

/**
 * One step of a run: enter the node, stop if the scenario was disabled meanwhile, run the node's executor, record the
 * outcome and facts. A node that spans time is only entered (its executor then sleeps or waits in steps of its own).
 * A node that only reads runs first and its visit is recorded whole in one statement.
 */
export async function visitNode(
  db: Db,
  run: ClaimedRun,
  node: GraphNode,
  identity: VisitIdentity,
): Promise<VisitResult> {
  const executor = executorFor(node);
  if (!executor.spansTime && executor.readsOnly) {
    const result = await executeInstant(executor, db, run, node, identity);
    const { scenarioEnabled } = await recordInstantVisit(db, identity, result);
    if (!scenarioEnabled) return stopDisabled(db, run);
    return result.outcome === "failed"
      ? { status: "stopped" }
      : { status: "done", port: result.outcome };
  }
  const { enteredAt, scenarioEnabled } = await enterVisit(db, identity, {
    waiting: executor.spansTime,
  });
  if (!scenarioEnabled) {
    await finishVisit(db, identity, "cancelled", { reason: "scenario disabled" });
    return stopDisabled(db, run);
  }
  if (executor.spansTime) return { status: "entered", enteredAt: enteredAt.toISOString() };
  const result = await executeInstant(executor, db, run, node, identity);
  await finishVisit(db, identity, result.outcome, result.facts);
  return result.outcome === "failed"
    ? { status: "stopped" }
    : { status: "done", port: result.outcome };
}

async function stopDisabled(db: Db, run: ClaimedRun): Promise<VisitResult> {
  await setRunStatus(db, run.runId, "cancelled", "scenario_disabled");
  return { status: "stopped" };
}

function executeInstant(
  executor: InstantNodeExecutor<NodeType>,
  db: Db,
  run: ClaimedRun,
  node: GraphNode,
  identity: VisitIdentity,
) {
  const context = createRunContext({ db, now: now(), userId: run.userId, trigger: run.trigger });
  return executor.execute({
    node,
    visit: {
      ...context,
      runId: run.runId,
      scenarioId: run.scenarioId,
      nodeId: node.id,
      stepKey: identity.stepKey,
      idempotencyKey: visitIdempotencyKey(run.runId, identity.stepKey),
    },
  });
}
