import "server-only";
import type { Db } from "@/lib/db";
import { edgesFrom, type GraphNode, type ScenarioGraph } from "@/lib/scenarios/graph";
import { executorFor } from "@/lib/scenarios/nodes/executors";
import type { VisitSteps } from "@/lib/scenarios/nodes/node-executor";
import type { ClaimedRun } from "./claim-scenario-run";
import { finishVisit, setRunStatus } from "./run-visits";
import { type VisitResult, visitIdentity, visitNode } from "./visit-node";

/** The part of Inngest's `step` tools the walk uses (step ids are stable names derived from lane, node and visit). */
export interface WalkSteps {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sleepUntil(id: string, until: Date): Promise<unknown>;
  waitForEvent(
    id: string,
    options: { event: string; timeout: number; if: string },
  ): Promise<unknown>;
}

/** The step tools of one visit: a name within the visit becomes the step id `<step key> <name>`. */
const visitSteps = (step: WalkSteps, stepKey: string): VisitSteps => ({
  run: (name, fn) => step.run(`${stepKey} ${name}`, fn),
  sleepUntil: (name, until) => step.sleepUntil(`${stepKey} ${name}`, until),
  waitForEvent: (name, options) => step.waitForEvent(`${stepKey} ${name}`, options),
});

/**
 * Walk a run's graph from its entry nodes. Each node visit is a step named `<lane>/<node>/<visit>`: the lane names the
 * parallel branch (`0`, `0.1`, …, by edge order), the visit counts passes through loops. A port feeding several nodes
 * forks into parallel lanes. A node that spans time is entered in that step, then its executor goes on with the
 * visit's step tools (`<lane>/<node>/<visit> sleep 1`, `… check 2`). A step that fails for good records the visit and
 * the run as failed.
 */
export async function walkScenarioRun(
  db: Db,
  step: WalkSteps,
  run: ClaimedRun,
  graph: ScenarioGraph,
): Promise<void> {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const visits = new Map<string, number>();

  const visit = async (
    node: GraphNode,
    lane: string,
    viaEdgeId: string | null,
  ): Promise<string | null> => {
    const count = (visits.get(`${lane}/${node.id}`) ?? 0) + 1;
    visits.set(`${lane}/${node.id}`, count);
    const stepKey = `${lane}/${node.id}/${count}`;
    const identity = visitIdentity(run, node, stepKey, count, viaEdgeId);
    try {
      const result: VisitResult = await step.run(stepKey, () => visitNode(db, run, node, identity));
      if (result.status !== "entered") return result.status === "done" ? result.port : null;
      const executor = executorFor(node);
      if (!executor.spansTime) return null;
      return await executor.execute({
        node,
        visit: { db, userId: run.userId, identity, enteredAt: new Date(result.enteredAt) },
        step: visitSteps(step, stepKey),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await step.run(`${stepKey} failed`, async () => {
        await finishVisit(db, identity, "failed", { error: message.slice(0, 1000) });
        await setRunStatus(db, run.runId, "failed", `node ${node.id}: ${message.slice(0, 200)}`);
      });
      return null;
    }
  };

  const walkFrom = async (
    nodeId: string,
    lane: string,
    viaEdgeId: string | null,
  ): Promise<void> => {
    let current: { nodeId: string; viaEdgeId: string | null } | null = { nodeId, viaEdgeId };
    while (current) {
      const node = byId.get(current.nodeId);
      if (!node) return;
      const port = await visit(node, lane, current.viaEdgeId);
      if (port === null) return;
      const next = edgesFrom(graph, node.id, port);
      if (next.length > 1) {
        await Promise.all(
          next.map((edge, index) => walkFrom(edge.to, `${lane}.${index}`, edge.id)),
        );
        return;
      }
      current = next[0] ? { nodeId: next[0].to, viaEdgeId: next[0].id } : null;
    }
  };

  const entries = run.entryNodeIds.filter((id) => byId.has(id));
  await Promise.all(
    entries.map((id, index) => walkFrom(id, entries.length > 1 ? `${index}` : "0", null)),
  );
  // Not a step: code past the last step runs only in the call that finds every step done, and the update is
  // idempotent (a cancelled or failed run keeps its status), so a step here would only cost one more call per run.
  await setRunStatus(db, run.runId, "completed");
}
