import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { type Scenario, scenarios } from "@/lib/db/schema";
import { EMPTY_GRAPH } from "@/lib/scenarios/graph";
import { parseDraftGraph } from "./parse-draft-graph";
import { scenarioSettingsSchema, type ScenarioSettingsInput } from "../schemas";

export type CreateScenarioOptions = ScenarioSettingsInput & {
  /** Imported graph JSON; an empty graph when absent. Only its structure is checked: a draft may be incomplete. */
  graph?: unknown;
};

/** A new scenario in `draft` status, without versions. */
export async function createScenario(db: Db, options: CreateScenarioOptions): Promise<Scenario> {
  const settings = scenarioSettingsSchema.parse(options);
  const graph = options.graph === undefined ? EMPTY_GRAPH : parseDraftGraph(options.graph);
  const at = now();
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const [scenario] = await db.transaction((tx) =>
    tx
      .insert(scenarios)
      .values({
        ...settings,
        status: "draft",
        draftGraph: graph,
        draftUpdatedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .returning(),
  );
  if (!scenario) throw new Error("insert returned no scenario");
  return scenario;
}
