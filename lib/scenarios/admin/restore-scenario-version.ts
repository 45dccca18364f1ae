import "server-only";
import type { Db } from "@/lib/db";
import type { Scenario } from "@/lib/db/schema";
import type { GraphError } from "@/lib/scenarios/validate-graph";
import { findScenarioVersion } from "./find-scenario-version";
import { saveScenarioDraft } from "./save-scenario-draft";

/**
 * Copy a published version's graph into the draft (the published versions stay as they are). Like any draft save it
 * is refused for a deleted scenario, and returns the draft's validation errors as information.
 */
export async function restoreScenarioVersion(
  db: Db,
  options: { scenarioId: number; number: number },
): Promise<{ scenario: Scenario; errors: GraphError[] }> {
  const version = await findScenarioVersion(db, options);
  return saveScenarioDraft(db, { scenarioId: options.scenarioId, graph: version.graph });
}
