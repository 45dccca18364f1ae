import "server-only";
import type { Db } from "@/lib/db";
import { banners, emailTemplates, goals, segments } from "@/lib/db/schema";
import { checkGraph, type GraphError, type GraphReferences } from "./check-graph";
import { type ScenarioGraph, scenarioGraphSchema } from "./graph";

export type { GraphError } from "./check-graph";

export async function loadGraphReferences(db: Db): Promise<GraphReferences> {
  const [templateRows, segmentRows, goalRows, bannerRows] = await Promise.all([
    db.select({ code: emailTemplates.code }).from(emailTemplates),
    db.select({ code: segments.code }).from(segments),
    db.select({ code: goals.code }).from(goals),
    db.select({ id: banners.id }).from(banners),
  ]);
  return {
    templates: new Set(templateRows.map((r) => r.code)),
    segments: new Set(segmentRows.map((r) => r.code)),
    goals: new Set(goalRows.map((r) => r.code)),
    banners: new Set(bannerRows.map((r) => r.id)),
  };
}

/**
 * Parse stored or submitted graph JSON and check it against the rules and what exists now. `graph` is null when the
 * JSON is not a graph at all; the zod issues then come back as errors, on the node they are about where possible.
 */
export async function validateGraph(
  db: Db,
  input: unknown,
): Promise<{ graph: ScenarioGraph | null; errors: GraphError[] }> {
  const parsed = scenarioGraphSchema.safeParse(input);
  if (!parsed.success) {
    const nodes = (input as { nodes?: { id?: unknown }[] } | null)?.nodes;
    return {
      graph: null,
      errors: parsed.error.issues.map((issue) => {
        const [list, index] = issue.path;
        const id =
          list === "nodes" && typeof index === "number" && Array.isArray(nodes)
            ? nodes[index]?.id
            : undefined;
        return {
          nodeId: typeof id === "string" ? id : null,
          code: "graph_invalid",
          message: `${issue.path.join(".") || "graph"}: ${issue.message}`,
        };
      }),
    };
  }
  return { graph: parsed.data, errors: checkGraph(parsed.data, await loadGraphReferences(db)) };
}
