import "server-only";
import type { Db } from "@/lib/db";
import { edgesFrom, type GraphNode, type ScenarioGraph } from "@/lib/scenarios/graph";
import { executorFor } from "@/lib/scenarios/nodes/executors";
import { CONTINUES_IN_NEXT_RUN, type VisitSteps } from "@/lib/scenarios/nodes/node-executor";
import type { ClaimedRun } from "./claim-scenario-run";
import { finishVisit, setRunStatus } from "./run-visits";
import { sleepWhileHeld } from "./sleep-while-held";
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

/**
 * Inngest takes at most 1,000 steps per run. Past this many (SCENARIO_MAX_STEPS_PER_RUN), the walk pauses at the next
 * node or the next sleep/check inside one and goes on in a fresh executor run; the rest covers what each lane may still
 * take to reach its pause point (a visit and its `failed` step, a goal's wait and check) and the continuation's send.
 */
export function maxStepsPerRun(): number {
  const steps = Number(process.env.SCENARIO_MAX_STEPS_PER_RUN ?? "");
  return Number.isInteger(steps) && steps > 0 ? steps : 900;
}

/** The entry nodes of a run in its graph, each with the lane it starts (`0` alone, else `0`, `1`, … in order). */
export function entryLanes(
  run: Pick<ClaimedRun, "entryNodeIds">,
  graph: ScenarioGraph,
): { node: GraphNode; lane: string }[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const entries = run.entryNodeIds.flatMap((id) => {
    const node = byId.get(id);
    return node ? [node] : [];
  });
  return entries.map((node, index) => ({ node, lane: entries.length > 1 ? `${index}` : "0" }));
}

/**
 * Visit a run's entry (trigger) nodes: the run function does it inside its claim step, since a trigger only lets the
 * run in and a step of its own would cost one more execution per run. The walk takes these results for the entries'
 * first visits instead of calling their steps.
 */
export async function visitEntryNodes(
  db: Db,
  run: ClaimedRun,
  graph: ScenarioGraph,
): Promise<Record<string, VisitResult>> {
  const results: Record<string, VisitResult> = {};
  for (const { node, lane } of entryLanes(run, graph)) {
    const stepKey = `${lane}/${node.id}/1`;
    results[node.id] = await visitNode(db, run, node, visitIdentity(run, node, stepKey, 1, null));
  }
  return results;
}

/** Where one lane paused: at a node not visited yet (`inside` null), or inside a visit of a node that spans time. */
export interface PausedLane {
  lane: string;
  nodeId: string;
  viaEdgeId: string | null;
  inside: { visit: number; enteredAt: string; progress: Record<string, unknown> } | null;
}

/** What the next executor run needs to go on: the visit counts so far (`<lane>/<node>` → visits) and the paused lanes. */
export interface WalkResume {
  visits: Record<string, number>;
  lanes: PausedLane[];
}

export type WalkOutcome = { status: "finished" } | { status: "continues"; resume: WalkResume };

export interface WalkOptions {
  /** Steps this executor run took before the walk (the claim). */
  stepsUsed: number;
  maxSteps: number;
  /** Set when this executor run continues a walk the previous one paused. */
  resume: WalkResume | null;
}

/**
 * Walk a run's graph from its entry nodes. Each node visit is a step named `<lane>/<node>/<visit>`: the lane names the
 * parallel branch (`0`, `0.1`, …, by edge order), the visit counts passes through loops. A port feeding several nodes
 * forks into parallel lanes. A node that spans time is entered in that step, then its executor goes on with the
 * visit's step tools (`<lane>/<node>/<visit> sleep 1`, `… check 2`). A step that fails for good records the visit and
 * the run as failed.
 *
 * The walk counts the steps it calls (replayed steps are called again in the same order, so the count is the same on
 * every replay). Once `maxSteps` are used, each lane pauses at its next node, or inside a timed visit at its next
 * pause point, and the walk returns `continues` with where the lanes stopped: the run function sends that to its next
 * executor run, which walks on from there with the same visit numbers and step ids, in the same scenario run.
 * Run state: Inngest keeps every step's output of a run (32 MB at most, 4 MB per output). The walk's outputs are small
 * (a visit's port or entry time, a goal check's outcome and times; only the claim carries the trigger payload, an
 * event of at most 512 KB), so the step budget is reached long before the state limit.
 */
export async function walkScenarioRun(
  db: Db,
  step: WalkSteps,
  run: ClaimedRun,
  graph: ScenarioGraph,
  options: WalkOptions = { stepsUsed: 0, maxSteps: maxStepsPerRun(), resume: null },
): Promise<WalkOutcome> {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const visits = new Map<string, number>(Object.entries(options.resume?.visits ?? {}));
  const paused: PausedLane[] = [];
  // While one lane walks alone (one entry or one resumed lane, no fork yet), a visit whose port leads nowhere ends
  // the run: it completes the run in the statement that finishes the visit, and the walk's end has nothing left to do.
  let oneLane =
    (options.resume ? options.resume.lanes.length : entryLanes(run, graph).length) === 1;
  let runCompleted = false;
  const endsRun = (node: GraphNode) => (port: string) =>
    oneLane && edgesFrom(graph, node.id, port).length === 0;
  let stepsUsed = options.stepsUsed;
  const outOfSteps = () => stepsUsed >= options.maxSteps;
  const counted: WalkSteps = {
    run: (id, fn) => {
      stepsUsed++;
      return step.run(id, fn);
    },
    sleepUntil: (id, until) => {
      stepsUsed++;
      return step.sleepUntil(id, until);
    },
    waitForEvent: (id, waitOptions) => {
      stepsUsed++;
      return step.waitForEvent(id, waitOptions);
    },
  };

  /** The step tools of one visit: a name within the visit becomes the step id `<step key> <name>`. */
  const visitSteps = (
    stepKey: string,
    pauseAt: Omit<PausedLane, "inside">,
    inside: { visit: number; enteredAt: string },
  ): VisitSteps => ({
    run: (name, fn) => counted.run(`${stepKey} ${name}`, fn),
    sleepUntil: (name, until) => counted.sleepUntil(`${stepKey} ${name}`, until),
    waitForEvent: (name, waitOptions) => counted.waitForEvent(`${stepKey} ${name}`, waitOptions),
    pauseIfOutOfSteps: (progress) => {
      if (!outOfSteps()) return false;
      paused.push({ ...pauseAt, inside: { ...inside, progress } });
      return true;
    },
  });

  const visit = async (
    node: GraphNode,
    lane: string,
    viaEdgeId: string | null,
    resumeInside: PausedLane["inside"],
  ): Promise<string | null> => {
    const count = resumeInside?.visit ?? (visits.get(`${lane}/${node.id}`) ?? 0) + 1;
    visits.set(`${lane}/${node.id}`, count);
    const stepKey = `${lane}/${node.id}/${count}`;
    const identity = visitIdentity(run, node, stepKey, count, viaEdgeId);
    // An entry's first visit done in the claim step (`visitEntryNodes`; runs claimed before that have none).
    const visitedInClaim =
      count === 1 && viaEdgeId === null ? run.entryVisits?.[node.id] : undefined;
    try {
      const result: VisitResult = resumeInside
        ? { status: "entered", enteredAt: resumeInside.enteredAt }
        : (visitedInClaim ??
          (await counted.run(stepKey, () => visitNode(db, run, node, identity, endsRun(node)))));
      if (result.status === "done") {
        if (result.runCompleted) runCompleted = true;
        return result.port;
      }
      if (result.status === "stopped") return null;
      const executor = executorFor(node);
      const steps = visitSteps(
        stepKey,
        { lane, nodeId: node.id, viaEdgeId },
        { visit: count, enteredAt: result.enteredAt },
      );
      // An instant node is entered only when held (an email the frequency cap or quiet hours hold): it sleeps until
      // it may go, then tries again; resumed, its progress says where it was.
      const held =
        result.status === "held" ? { tries: 1, until: result.until } : resumeInside?.progress;
      const port = !executor.spansTime
        ? held && (await sleepWhileHeld(db, run, node, identity, steps, held))
        : await executor.execute({
            node,
            visit: { db, userId: run.userId, identity, enteredAt: new Date(result.enteredAt) },
            step: steps,
            resume: resumeInside?.progress ?? null,
          });
      return !port || port === CONTINUES_IN_NEXT_RUN ? null : port;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await counted.run(`${stepKey} failed`, async () => {
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
    resumeInside: PausedLane["inside"] = null,
  ): Promise<void> => {
    let current: { nodeId: string; viaEdgeId: string | null } | null = { nodeId, viaEdgeId };
    let inside = resumeInside;
    while (current) {
      const node = byId.get(current.nodeId);
      if (!node) return;
      if (!inside && outOfSteps()) {
        paused.push({ lane, nodeId: node.id, viaEdgeId: current.viaEdgeId, inside: null });
        return;
      }
      const port = await visit(node, lane, current.viaEdgeId, inside);
      inside = null;
      if (port === null) return;
      const next = edgesFrom(graph, node.id, port);
      if (next.length > 1) {
        oneLane = false;
        await Promise.all(
          next.map((edge, index) => walkFrom(edge.to, `${lane}.${index}`, edge.id)),
        );
        return;
      }
      current = next[0] ? { nodeId: next[0].to, viaEdgeId: next[0].id } : null;
    }
  };

  if (options.resume) {
    await Promise.all(
      options.resume.lanes.map((at) => walkFrom(at.nodeId, at.lane, at.viaEdgeId, at.inside)),
    );
  } else {
    await Promise.all(
      entryLanes(run, graph).map(({ node, lane }) => walkFrom(node.id, lane, null)),
    );
  }
  if (paused.length > 0) {
    return { status: "continues", resume: { visits: Object.fromEntries(visits), lanes: paused } };
  }
  // Not a step: code past the last step runs only in the call that finds every step done, and the update is
  // idempotent (a cancelled or failed run keeps its status), so a step here would only cost one more call per run.
  if (!runCompleted) await setRunStatus(db, run.runId, "completed");
  return { status: "finished" };
}
