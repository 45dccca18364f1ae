import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { GraphNode } from "@/lib/scenarios/graph";
import type { NodeType } from "@/lib/scenarios/nodes/definitions";
import { executorFor } from "@/lib/scenarios/nodes/executors";
import type {
  HeldResult,
  InstantNodeExecutor,
  NodeResult,
} from "@/lib/scenarios/nodes/node-executor";
import { createRunContext } from "@/lib/scenarios/run-context";
import type { ClaimedRun } from "./claim-scenario-run";
import {
  enterVisit,
  finishTimedVisit,
  finishVisit,
  heldVisitMayGo,
  holdVisit,
  recordInstantVisit,
  setRunStatus,
  type VisitIdentity,
} from "./run-visits";

export type VisitResult =
  /** The node ran: continue on `port` — or, `runCompleted`, the run ended with this visit (its port leads nowhere). */
  | { status: "done"; port: string; runCompleted?: true }
  /** A node that spans time was entered: its executor sleeps or waits, then finishes it. */
  | { status: "entered"; enteredAt: string }
  /** An instant node's work must wait until `until` (an email held by the frequency cap): `sleepWhileHeld` retries it. */
  | { status: "held"; enteredAt: string; until: string }
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
 * A node that only reads runs first and its visit is recorded whole in one statement. `endsRun(port)` says whether
 * leaving on `port` ends the run (the port leads nowhere and no other lane walks): the run is then completed in the
 * statement that finishes the visit.
 */
export async function visitNode(
  db: Db,
  run: ClaimedRun,
  node: GraphNode,
  identity: VisitIdentity,
  endsRun: (port: string) => boolean = () => false,
): Promise<VisitResult> {
  const executor = executorFor(node);
  if (!executor.spansTime && executor.readsOnly) {
    const result = await executeInstant(executor, db, run, node, identity);
    if ("held" in result) throw new Error(`node ${node.id} only reads, so it cannot be held`);
    const completesRun = completes(result, endsRun);
    const { scenarioEnabled } = await recordInstantVisit(db, identity, result, { completesRun });
    if (!scenarioEnabled) return stopDisabled(db, run);
    return continueOn(result, completesRun);
  }
  const { enteredAt, scenarioEnabled, runStatus } = await enterVisit(db, identity, {
    waiting: executor.spansTime,
  });
  if (runStatus === "exited") {
    // An exit event ended the run meanwhile (its executor run was cancelled between steps): the node does nothing.
    await finishVisit(db, identity, "cancelled", { reason: "exited" });
    return { status: "stopped" };
  }
  if (!scenarioEnabled) {
    await finishVisit(db, identity, "cancelled", { reason: "scenario disabled" });
    return stopDisabled(db, run);
  }
  if (executor.spansTime) return { status: "entered", enteredAt: enteredAt.toISOString() };
  const result = await executeInstant(executor, db, run, node, identity);
  if ("held" in result) {
    await holdVisit(db, identity, result.held.facts);
    return {
      status: "held",
      enteredAt: enteredAt.toISOString(),
      until: result.held.until.toISOString(),
    };
  }
  const completesRun = completes(result, endsRun);
  await finishVisit(db, identity, result.outcome, result.facts, { completesRun });
  return continueOn(result, completesRun);
}

export type HeldRetry =
  { status: "done"; port: string } | { status: "stopped" } | { status: "held"; until: string };

/**
 * A held visit's next try (a step of its own, after the run slept until the node allowed): the instant node runs again
 * under the same idempotency key, and its visit is finished — or held once more. A run that ended meanwhile (an exit
 * event, a cancellation) or whose scenario was disabled does not do the work: its visit is cancelled.
 */
export async function retryHeldVisit(
  db: Db,
  run: ClaimedRun,
  node: GraphNode,
  identity: VisitIdentity,
): Promise<HeldRetry> {
  const executor = executorFor(node);
  if (executor.spansTime) throw new Error(`node ${node.id} spans time, so it is never held`);
  const { runOpen, scenarioEnabled } = await heldVisitMayGo(db, identity);
  if (!runOpen) {
    await finishVisit(db, identity, "cancelled", { reason: "run ended while held" });
    return { status: "stopped" };
  }
  if (!scenarioEnabled) {
    await finishVisit(db, identity, "cancelled", { reason: "scenario disabled" });
    await stopDisabled(db, run);
    return { status: "stopped" };
  }
  const result = await executeInstant(executor, db, run, node, identity);
  if ("held" in result) {
    await holdVisit(db, identity, result.held.facts);
    return { status: "held", until: result.held.until.toISOString() };
  }
  await finishTimedVisit(db, identity, result.outcome, result.facts);
  return continueOn(result);
}

function continueOn(
  result: NodeResult,
  runCompleted = false,
): { status: "done"; port: string; runCompleted?: true } | { status: "stopped" } {
  if (result.outcome === "failed") return { status: "stopped" };
  const port = result.port ?? result.outcome;
  return runCompleted ? { status: "done", port, runCompleted } : { status: "done", port };
}

/** Whether a node's result ends the run: it did not fail and its port ends the last lane. */
function completes(result: NodeResult, endsRun: (port: string) => boolean): boolean {
  return result.outcome !== "failed" && endsRun(result.port ?? result.outcome);
}

async function stopDisabled(db: Db, run: ClaimedRun): Promise<VisitResult> {
  await setRunStatus(db, run.runId, "cancelled", "scenario_disabled");
  return { status: "stopped" };
}

function executeInstant(
  executor: InstantNodeExecutor<NodeType, NodeResult | HeldResult>,
  db: Db,
  run: ClaimedRun,
  node: GraphNode,
  identity: VisitIdentity,
): Promise<NodeResult | HeldResult> {
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
