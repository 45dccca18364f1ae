import "server-only";
import type { Scenario, ScenarioRunStatus } from "@/lib/db/schema";
import type { ScenarioVersionRow } from "@/lib/scenarios/manage/list-scenario-versions";
import type { GraphError } from "@/lib/scenarios/validate-graph";
import type {
  GraphErrorJson,
  ScenarioJson,
  ScenarioRunJson,
  ScenarioRunStepJson,
  ScenarioVersionJson,
} from "./scenario-entity-schemas";

/** Scenario rows → the scenarios API's JSON (lib/api/scenario-entity-schemas.ts). */

const iso = (date: Date | string) => new Date(date).toISOString();
const isoOrNull = (date: Date | string | null) => (date === null ? null : iso(date));

export function serializeScenario(scenario: Scenario & { currentVersionNumber: number | null }): ScenarioJson {
  return {
    id: scenario.id,
    name: scenario.name,
    status: scenario.status,
    reentry: scenario.reentry,
    reentry_days: scenario.reentryDays,
    current_version: scenario.currentVersionNumber,
    copied_from_id: scenario.copiedFromId,
    created_at: iso(scenario.createdAt),
    updated_at: iso(scenario.updatedAt),
    deleted_at: isoOrNull(scenario.deletedAt),
  };
}

export function serializeGraphErrors(errors: GraphError[]): GraphErrorJson[] {
  return errors.map((error) => ({ node_id: error.nodeId, code: error.code, message: error.message }));
}

export function serializeScenarioVersion(version: ScenarioVersionRow): ScenarioVersionJson {
  return {
    id: version.id,
    number: version.number,
    note: version.note,
    published_by: version.publishedBy,
    created_at: iso(version.createdAt),
    is_current: version.isCurrent,
  };
}

/** The fields of a run the API shows (the shape `listScenarioRuns` and `getScenarioRunPath` return). */
export interface ScenarioRunFields {
  id: number;
  scenarioId: number;
  scenarioName: string;
  versionId: number;
  versionNumber: number | null;
  userId: number;
  userEmail: string | null;
  triggerEvent: string;
  status: ScenarioRunStatus;
  statusReason: string | null;
  createdAt: Date | string;
  finishedAt: Date | string | null;
}

export function serializeScenarioRun(run: ScenarioRunFields): ScenarioRunJson {
  return {
    id: run.id,
    scenario_id: run.scenarioId,
    scenario_name: run.scenarioName,
    version_id: run.versionId,
    version_number: run.versionNumber,
    user_id: run.userId,
    user_email: run.userEmail,
    trigger_event: run.triggerEvent,
    status: run.status,
    status_reason: run.statusReason,
    created_at: iso(run.createdAt),
    finished_at: isoOrNull(run.finishedAt),
  };
}

export interface ScenarioRunStepFields {
  nodeId: string;
  nodeType: string;
  visit: number;
  viaEdgeId: string | null;
  enteredAt: Date | string;
  finishedAt: Date | string | null;
  outcome: string | null;
  facts: Record<string, unknown>;
}

export function serializeScenarioRunStep(step: ScenarioRunStepFields): ScenarioRunStepJson {
  return {
    node_id: step.nodeId,
    node_type: step.nodeType,
    visit: step.visit,
    via_edge_id: step.viaEdgeId,
    entered_at: iso(step.enteredAt),
    finished_at: isoOrNull(step.finishedAt),
    outcome: step.outcome,
    facts: step.facts,
  };
}
