import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { scenarioVersions } from "@/lib/db/schema";
import { type ScenarioGraph, scenarioGraphSchema } from "@/lib/scenarios/graph";

// Keyed by database handle too: tests open one database per file in the same process.
const caches = new WeakMap<Db, Map<number, ScenarioGraph>>();

/** A published version's graph, parsed. Versions never change, so each is read and parsed once per process. */
export async function loadVersionGraph(db: Db, versionId: number): Promise<ScenarioGraph> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const cached = cache.get(versionId);
  if (cached) return cached;
  const [version] = await db
    .select({ graph: scenarioVersions.graph })
    .from(scenarioVersions)
    .where(eq(scenarioVersions.id, versionId));
  if (!version) throw new Error(`Scenario version ${versionId} does not exist.`);
  const graph = scenarioGraphSchema.parse(version.graph);
  if (cache.size > 500) cache.clear();
  cache.set(versionId, graph);
  return graph;
}
