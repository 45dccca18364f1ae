import "server-only";
import { and, eq, max, ne } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarios, type ScenarioVersion, scenarioVersions } from "@/lib/db/schema";
import { validateGraph } from "@/lib/scenarios/validate-graph";
import { scenarioDeleted, scenarioInvalid, scenarioNotFound } from "./scenario-errors";
import { publishNoteSchema } from "../schemas";

export interface PublishScenarioOptions {
  scenarioId: number;
  note?: string;
  /** The admin who published; null for API tokens. */
  publishedBy?: number | null;
}

/**
 * Freeze the draft as the next version and make it current. An invalid draft is refused with its errors
 * (400 `scenario_invalid`) and nothing changes. The scenario row is locked for the whole transaction, so concurrent
 * publishes take turns and number their versions n+1, n+2 — never the same number twice.
 */
export async function publishScenario(
  db: Db,
  options: PublishScenarioOptions,
): Promise<ScenarioVersion> {
  const note = publishNoteSchema.parse(options.note) || null;
  return db.transaction(async (tx) => {
    const [scenario] = await tx
      .select()
      .from(scenarios)
      .where(eq(scenarios.id, options.scenarioId))
      .for("update");
    if (!scenario) throw scenarioNotFound(options.scenarioId);
    if (scenario.status === "deleted") throw scenarioDeleted();
    // Validated under the lock: what is published is exactly the draft that passed.
    const { graph, errors } = await validateGraph(tx, scenario.draftGraph, {
      lockReferences: true,
    });
    if (!graph || errors.length > 0) throw scenarioInvalid(errors, "published");
    const [last] = await tx
      .select({ number: max(scenarioVersions.number) })
      .from(scenarioVersions)
      .where(eq(scenarioVersions.scenarioId, scenario.id));
    const at = now();
    const [version] = await tx
      .insert(scenarioVersions)
      .values({
        scenarioId: scenario.id,
        number: (last?.number ?? 0) + 1,
        graph,
        note,
        publishedBy: options.publishedBy ?? null,
        createdAt: at,
      })
      .returning();
    if (!version) throw new Error("insert returned no version");
    await tx
      .update(scenarios)
      .set({ currentVersionId: version.id, updatedAt: at })
      .where(and(eq(scenarios.id, scenario.id), ne(scenarios.status, "deleted")));
    return version;
  });
}
