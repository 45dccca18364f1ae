import "server-only";
import type { NodeOf, NodeType } from "@/lib/scenarios/graph";
import type { RunContext } from "@/lib/scenarios/run-context";

/** One node visit, as an executor sees it. */
export interface NodeVisit extends RunContext {
  runId: number;
  scenarioId: number;
  nodeId: string;
  stepKey: string;
  /** `scenario-run:<run>:<step key>`: side effects keyed by it happen once however often the step is retried. */
  idempotencyKey: string;
}

export interface NodeResult {
  /** The port to continue on (`out`, `yes`, `no`, `variant:<code>`), or null to end this branch. */
  outcome: string;
  facts: Record<string, unknown>;
}

/** What a node would do now, without doing it. */
export interface SimulatedResult extends NodeResult {
  note: string;
}

/**
 * The server side of a node type that runs in one step. `simulate` must have no side effects: it reads what it needs
 * and says what `execute` would do.
 */
export interface NodeExecutor<T extends NodeType> {
  execute(visit: NodeVisit, node: NodeOf<T>): Promise<NodeResult>;
  simulate(context: RunContext & { scenarioId: number }, node: NodeOf<T>): Promise<SimulatedResult>;
}
