import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarios, scenarioVersions, users } from "@/lib/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { edgesFrom, type GraphNode, type ScenarioGraph, scenarioGraphSchema } from "./graph";
import { isTriggerNode, triggerEventOf } from "./nodes/definitions";
import { executorFor } from "./nodes/executors";
import { createRunContext, type RunContext } from "./run-context";

export interface SimulatedStep {
  nodeId: string;
  nodeType: string;
  outcome: string | null;
  facts: Record<string, unknown>;
  note: string;
}

export interface SimulationResult {
  versionNumber: number | null;
  steps: SimulatedStep[];
}

/** A graph walked at most this many nodes deep (loops through waits would otherwise go on). */
const MAX_SIMULATED_STEPS = 100;

/**
 * The path a user would take through a version now, with the facts of every decision, and no side effects: nothing is
 * sent, shown, drawn or recorded. Waits are passed through; a goal not yet completed is where the path stops.
 */
export async function simulateScenario(
  db: Db,
  options: {
    scenarioId: number;
    version: number | "draft" | "current";
    userId: number;
    trigger?: { event: string; payload?: Record<string, unknown> };
  },
): Promise<SimulationResult> {
  const { graph, versionNumber } = await loadGraph(db, options.scenarioId, options.version);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, options.userId));
  if (!user) throw invalid("user_not_found", `There is no user ${options.userId}.`);
  const triggers = graph.nodes.filter(isTriggerNode);
  const entry = options.trigger
    ? triggers.find((t) => triggerEventOf(t) === options.trigger!.event)
    : triggers[0];
  if (!entry)
    throw invalid(
      "scenario_trigger_not_found",
      options.trigger
        ? `No trigger of this scenario starts on ${options.trigger.event}.`
        : "The scenario has no trigger.",
    );
  const context = {
    ...createRunContext({
      db,
      now: now(),
      userId: options.userId,
      trigger: { event: triggerEventOf(entry), payload: options.trigger?.payload ?? {} },
    }),
    scenarioId: options.scenarioId,
  };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const steps: SimulatedStep[] = [];
  const queue: GraphNode[] = [entry];
  while (queue.length > 0 && steps.length < MAX_SIMULATED_STEPS) {
    const node = queue.shift()!;
    const step = await simulateNode(context, node);
    steps.push(step);
    if (step.outcome === null) continue;
    for (const edge of edgesFrom(graph, node.id, step.outcome)) {
      const next = byId.get(edge.to);
      if (next) queue.push(next);
    }
  }
  return { versionNumber, steps };
}

async function simulateNode(
  context: RunContext & { scenarioId: number },
  node: GraphNode,
): Promise<SimulatedStep> {
  const result = await executorFor(node).simulate({ node, context });
  return {
    nodeId: node.id,
    nodeType: node.type,
    outcome: result.outcome === "failed" ? null : result.outcome,
    facts: result.facts,
    note: result.note,
  };
}

async function loadGraph(
  db: Db,
  scenarioId: number,
  version: number | "draft" | "current",
): Promise<{ graph: ScenarioGraph; versionNumber: number | null }> {
  const [scenario] = await db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.id, scenarioId), isNull(scenarios.deletedAt)));
  if (!scenario) throw notFound("scenario_not_found", `There is no scenario ${scenarioId}.`);
  if (version === "draft") {
    const parsed = scenarioGraphSchema.safeParse(scenario.draftGraph);
    if (!parsed.success)
      throw invalid("scenario_graph_invalid", "The draft is not a valid graph yet.");
    return { graph: parsed.data, versionNumber: null };
  }
  const condition =
    version === "current"
      ? scenario.currentVersionId === null
        ? null
        : eq(scenarioVersions.id, scenario.currentVersionId)
      : and(eq(scenarioVersions.scenarioId, scenarioId), eq(scenarioVersions.number, version));
  const [row] = condition
    ? await db
        .select()
        .from(scenarioVersions)
        .where(condition)
        .orderBy(desc(scenarioVersions.number))
        .limit(1)
    : [];
  if (!row)
    throw notFound("scenario_version_not_found", "That version of the scenario does not exist.");
  return { graph: scenarioGraphSchema.parse(row.graph), versionNumber: row.number };
}
