import type { ScenarioStatusActions } from "@/components/admin/scenarios/scenario-row-actions";
import {
  deleteScenarioAction,
  disableScenarioAction,
  duplicateScenarioAction,
  enableScenarioAction,
  restoreScenarioAction,
} from "./actions";

/** The status buttons' server actions, for the list's rows and the scenario's own page. */
export const scenarioStatusActions: ScenarioStatusActions = {
  enable: enableScenarioAction,
  disable: disableScenarioAction,
  duplicate: duplicateScenarioAction,
  delete: deleteScenarioAction,
  restore: restoreScenarioAction,
};
