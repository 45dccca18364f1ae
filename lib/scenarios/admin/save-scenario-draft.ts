import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { type Scenario, scenarios } from "@/lib/db/schema";
import { type GraphError, validateGraph } from "@/lib/scenarios/validate-graph";
import { parseDraftGraph } from "./parse-draft-graph";
import { scenarioDeleted, scenarioNotFound } from "./scenario-errors";
import { scenarioConversionSchema } from "../conversions/conversion-schemas";
import { type ExitRules, exitRulesSchema } from "../exit-rules";
import { scenarioSettingsSchema, type ScenarioReentryInput } from "../schemas";

export interface SaveScenarioDraftOptions {
  scenarioId: number;
  name?: string;
  reentry?: ScenarioReentryInput;
  reentryDays?: number | null;
  /** Conversion and holdout; each merges over the stored value when left out. */
  conversionEvent?: string | null;
  conversionWindowDays?: number | null;
  holdoutPercent?: number;
  /** Replaces the exit rules when given. */
  exitRules?: ExitRules;
  /** Replaces the whole draft graph when given. */
  graph?: unknown;
}

/**
 * Replace the draft graph and/or the settings. Refused for deleted scenarios (409). The graph is only checked for
 * structure; the full validation's errors come back as information, since a draft is allowed to be unfinished.
 */
export async function saveScenarioDraft(
  db: Db,
  options: SaveScenarioDraftOptions,
): Promise<{ scenario: Scenario; errors: GraphError[] }> {
  const graph = options.graph === undefined ? undefined : parseDraftGraph(options.graph);
  const scenario = await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(scenarios)
      .where(eq(scenarios.id, options.scenarioId))
      .for("update");
    if (!current) throw scenarioNotFound(options.scenarioId);
    if (current.status === "deleted") throw scenarioDeleted();
    // Settings merge over the stored ones, so a PUT of only `reentry_days` keeps the name and rule.
    const settings = scenarioSettingsSchema.parse({
      name: options.name ?? current.name,
      reentry: options.reentry ?? current.reentry,
      reentryDays: options.reentryDays === undefined ? current.reentryDays : options.reentryDays,
    });
    const conversion = scenarioConversionSchema.parse({
      conversionEvent:
        options.conversionEvent === undefined ? current.conversionEvent : options.conversionEvent,
      conversionWindowDays:
        options.conversionWindowDays === undefined
          ? current.conversionWindowDays
          : options.conversionWindowDays,
      holdoutPercent: options.holdoutPercent ?? current.holdoutPercent,
    });
    const at = now();
    const [saved] = await tx
      .update(scenarios)
      .set({
        ...settings,
        ...conversion,
        ...(options.exitRules ? { exitRules: exitRulesSchema.parse(options.exitRules) } : {}),
        ...(graph ? { draftGraph: graph, draftUpdatedAt: at } : {}),
        updatedAt: at,
      })
      .where(and(eq(scenarios.id, options.scenarioId), ne(scenarios.status, "deleted")))
      .returning();
    if (!saved) throw scenarioDeleted();
    return saved;
  });
  const { errors } = await validateGraph(db, scenario.draftGraph);
  return { scenario, errors };
}
