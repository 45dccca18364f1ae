/** The plain, serialisable shapes the inspector's server actions hand to the panel (ISO strings, not Dates). */
import type { ScenarioRunStatus } from "@/lib/db/schema";
import type { FlowPath } from "@/lib/scenarios/flow/graph-to-flow";
import type { ScenarioGraph } from "@/lib/scenarios/graph";

export interface InspectorRun {
  id: number;
  status: ScenarioRunStatus;
  statusReason: string | null;
  versionNumber: number;
  triggerEvent: string;
  startedAt: string;
  finishedAt: string | null;
}

/** A user's runs of one scenario, newest first. */
export interface InspectorRunList {
  email: string;
  runs: InspectorRun[];
  /** All their runs of the scenario; `runs` holds the newest of them. */
  total: number;
}

/** One node visit with its decision line. */
export interface InspectorStep {
  /** Unique within the path: a node visited twice appears twice. */
  key: string;
  nodeId: string;
  nodeType: string;
  outcome: string | null;
  line: string;
  facts: Record<string, unknown>;
  enteredAt: string | null;
}

/** A path to draw: the graph it belongs to, what to highlight on it, and the visits in order. */
export interface InspectorPathView {
  /** Null: the draft. */
  versionNumber: number | null;
  graph: ScenarioGraph;
  flow: FlowPath;
  steps: InspectorStep[];
}

export interface InspectorRunPath extends InspectorPathView {
  run: InspectorRun & { email: string };
}

export interface InspectorSimulation extends InspectorPathView {
  email: string;
}

export interface InspectorTestEvent {
  eventId: string;
  /** Whether this scenario is enabled and its current version starts on `scenario.test`. */
  startsHere: boolean;
}
