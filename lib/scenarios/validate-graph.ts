import "server-only";
import { inArray } from "drizzle-orm";
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
 * Hold the templates, segments, goals and banners a graph uses (FOR KEY SHARE) until the transaction ends: a delete,
 * which locks its row before it looks for scenarios using it, either went first — this waits for it, and what is
 * read next no longer has the row — or waits for this transaction, and then finds the version it published.
 */
async function lockGraphReferences(tx: Db, graph: ScenarioGraph): Promise<void> {
  const configs = (type: string) =>
    graph.nodes
      .filter((node) => node.type === type)
      .map((node) => node.config as Record<string, unknown>);
  const strings = (values: unknown[]) => [...new Set(values.filter((v) => typeof v === "string"))];
  const templates = strings(configs("email").map((config) => config.template));
  const segmentCodes = strings(configs("segment").map((config) => config.segment));
  const goalCodes = strings(
    configs("goal").flatMap((config) => (Array.isArray(config.goals) ? config.goals : [])),
  );
  const bannerIds = [
    ...new Set(
      configs("banner")
        .map((config) => config.bannerId)
        .filter((id): id is number => typeof id === "number" && Number.isInteger(id)),
    ),
  ];
  if (templates.length > 0)
    await tx
      .select({ id: emailTemplates.id })
      .from(emailTemplates)
      .where(inArray(emailTemplates.code, templates))
      .for("key share");
  if (segmentCodes.length > 0)
    await tx
      .select({ id: segments.id })
      .from(segments)
      .where(inArray(segments.code, segmentCodes))
      .for("key share");
  if (goalCodes.length > 0)
    await tx
      .select({ id: goals.id })
      .from(goals)
      .where(inArray(goals.code, goalCodes))
      .for("key share");
  if (bannerIds.length > 0)
    await tx
      .select({ id: banners.id })
      .from(banners)
      .where(inArray(banners.id, bannerIds))
      .for("key share");
}

/**
 * Parse stored or submitted graph JSON and check it against the rules and what exists now. `graph` is null when the
 * JSON is not a graph at all; the zod issues then come back as errors, on the node they are about where possible.
 * `lockReferences` (publishing, enabling: inside their transaction): what the graph uses is held until it commits,
 * so a delete cannot slip between this check and the version going live.
 */
export async function validateGraph(
  db: Db,
  input: unknown,
  options: { lockReferences?: boolean } = {},
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
  if (options.lockReferences) await lockGraphReferences(db, parsed.data);
  return { graph: parsed.data, errors: checkGraph(parsed.data, await loadGraphReferences(db)) };
}
