import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
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
 * What a graph's nodes refer to, as their own checks name it: checkGraph run against references that answer yes to
 * everything and write down what they were asked. So the node definitions stay the one place that knows which config
 * field names what.
 */
function referencesOf(graph: ScenarioGraph) {
  const asked = {
    templates: new Set<string>(),
    segments: new Set<string>(),
    goals: new Set<string>(),
    banners: new Set<number>(),
  };
  const recording = <T>(seen: Set<T>) =>
    ({ has: (value: T) => Boolean(seen.add(value)) }) as unknown as ReadonlySet<T>;
  checkGraph(graph, {
    templates: recording(asked.templates),
    segments: recording(asked.segments),
    goals: recording(asked.goals),
    banners: recording(asked.banners),
  });
  return asked;
}

/**
 * Hold the templates, segments, goals and banners a graph uses (FOR KEY SHARE) until the transaction ends: a delete,
 * which locks its row before it looks for scenarios using it, either went first — this waits for it, and what is
 * read next no longer has the row — or waits for this transaction, and then finds the version it published.
 */
async function lockGraphReferences(tx: Db, graph: ScenarioGraph): Promise<void> {
  const used = referencesOf(graph);
  const holds: [PgTable, AnyPgColumn, (string | number)[]][] = [
    [emailTemplates, emailTemplates.code, [...used.templates]],
    [segments, segments.code, [...used.segments]],
    [goals, goals.code, [...used.goals]],
    [banners, banners.id, [...used.banners]],
  ];
  for (const [table, column, values] of holds)
    if (values.length > 0)
      await tx
        .select({ held: sql`1` })
        .from(table)
        .where(inArray(column, values))
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
