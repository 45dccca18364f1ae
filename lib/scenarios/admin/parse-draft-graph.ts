import "server-only";
import { invalid } from "@/lib/errors";
import { type DraftGraph, draftGraphSchema } from "@/lib/scenarios/graph";

/**
 * The structural check a draft must pass to be stored (400 `scenario_graph_invalid` with the zod issues): ids, types,
 * positions and edges. Node configs and the rules that need the whole graph or the database are only enforced on
 * publish and enable (and reported on every save): a draft may be unfinished.
 */
export function parseDraftGraph(input: unknown): DraftGraph {
  const parsed = draftGraphSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
  }));
  const described = issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
  throw invalid("scenario_graph_invalid", `The graph is not valid: ${described}`, { issues });
}
