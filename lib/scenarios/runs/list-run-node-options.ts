import "server-only";
import type { Db } from "@/lib/db";
import { loadVersionGraph } from "@/lib/scenarios/engine/load-version-graph";
import { nodeSummary } from "@/lib/scenarios/nodes/definitions";

export interface RunNodeOption {
  id: string;
  type: string;
  title: string;
}

/**
 * The nodes runs can be at, for the runs list's node filter: every node of the given versions (newest first), each id
 * once, described as in the newest version that has it.
 */
export async function listRunNodeOptions(
  db: Db,
  versions: readonly { id: number }[],
): Promise<RunNodeOption[]> {
  const options = new Map<string, RunNodeOption>();
  for (const version of versions) {
    const graph = await loadVersionGraph(db, version.id);
    for (const node of graph.nodes)
      if (!options.has(node.id))
        options.set(node.id, { id: node.id, type: node.type, title: nodeSummary(node) });
  }
  return [...options.values()];
}
