import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { type Scenario, scenarios } from "@/lib/db/schema";
import { scenarioNotFound } from "./scenario-errors";

/** A new draft with the original's draft graph and re-entry rule; versions and runs stay with the original. */
export async function duplicateScenario(
  db: Db,
  options: { scenarioId: number },
): Promise<Scenario> {
  const [original] = await db.select().from(scenarios).where(eq(scenarios.id, options.scenarioId));
  if (!original) throw scenarioNotFound(options.scenarioId);
  const at = now();
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const [copy] = await db.transaction((tx) =>
    tx
      .insert(scenarios)
      .values({
        name: `Copy of ${original.name}`.slice(0, 200),
        status: "draft",
        draftGraph: original.draftGraph,
        draftUpdatedAt: at,
        reentry: original.reentry,
        reentryDays: original.reentryDays,
        conversionEvent: original.conversionEvent,
        conversionWindowDays: original.conversionWindowDays,
        holdoutPercent: original.holdoutPercent,
        exitRules: original.exitRules,
        copiedFromId: original.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning(),
  );
  if (!copy) throw new Error("insert returned no scenario");
  return copy;
}
