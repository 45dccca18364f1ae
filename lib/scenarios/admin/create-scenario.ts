import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { type Scenario, scenarios } from "@/lib/db/schema";
import { EMPTY_GRAPH } from "@/lib/scenarios/graph";
import { parseDraftGraph } from "./parse-draft-graph";
import {
  scenarioConversionSchema,
  type ScenarioConversionSettings,
} from "../conversions/conversion-schemas";
import { type ExitRules, exitRulesSchema } from "../exit-rules";
import { scenarioSettingsSchema, type ScenarioSettingsInput } from "../schemas";

export type CreateScenarioOptions = ScenarioSettingsInput & {
  /** Imported graph JSON; an empty graph when absent. Only its structure is checked: a draft may be incomplete. */
  graph?: unknown;
  /** Events that end a user's runs (`exited`); none when absent. */
  exitRules?: ExitRules;
  /** No conversion and no holdout when absent. */
  conversion?: {
    [K in keyof ScenarioConversionSettings]?: ScenarioConversionSettings[K] | undefined;
  };
};

/** A new scenario in `draft` status, without versions. */
export async function createScenario(db: Db, options: CreateScenarioOptions): Promise<Scenario> {
  const settings = scenarioSettingsSchema.parse(options);
  const conversion = scenarioConversionSchema.parse({
    conversionEvent: options.conversion?.conversionEvent ?? null,
    conversionWindowDays: options.conversion?.conversionWindowDays ?? null,
    holdoutPercent: options.conversion?.holdoutPercent ?? 0,
  });
  const graph = options.graph === undefined ? EMPTY_GRAPH : parseDraftGraph(options.graph);
  const at = now();
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const [scenario] = await db.transaction((tx) =>
    tx
      .insert(scenarios)
      .values({
        ...settings,
        ...conversion,
        exitRules: exitRulesSchema.parse(options.exitRules ?? []),
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
