/**
 * The scenario graph's structure: the one definition the engine, the API (import/export) and the builder share.
 * UI-safe. What each node type is (its config schema, ports, palette entry) is its definition's, in
 * `lib/scenarios/nodes/<type>/definition.ts`, gathered in `lib/scenarios/nodes/definitions.ts`.
 *
 * A graph is domain JSON (design.md "Scenarios"), never React Flow state:
 * `{ nodes: [{ id, type, config, position, openPorts? }], edges: [{ id, from, fromPort, to }] }`.
 */
import { z } from "zod";
import {
  NODE_DEFINITIONS,
  type NodeDefinitions,
  NODE_TYPES,
  type NodeType,
} from "@/lib/scenarios/nodes/definitions";

export const nodeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "Node ids are letters, digits, - and _." });

const positionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

const nodeVariant = <T extends NodeType>(type: T) =>
  z.strictObject({
    id: nodeIdSchema,
    type: z.literal(type),
    config: NODE_DEFINITIONS[type].configSchema as NodeDefinitions[T]["configSchema"],
    position: positionSchema,
    /** Ports the author chose to leave unconnected (the run ends there). */
    openPorts: z.array(z.string()).optional(),
  });
type NodeVariant = { [T in NodeType]: ReturnType<typeof nodeVariant<T>> }[NodeType];

export const graphNodeSchema = z.discriminatedUnion(
  "type",
  NODE_TYPES.map(nodeVariant) as [NodeVariant, ...NodeVariant[]],
);
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type NodeOf<T extends NodeType> = Extract<GraphNode, { type: T }>;

export const graphEdgeSchema = z.strictObject({
  id: z.string().min(1).max(64),
  from: nodeIdSchema,
  fromPort: z.string().min(1).max(64),
  to: nodeIdSchema,
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

/** Structure only; the rules that need the whole graph or the database are `validateGraph`'s. */
export const scenarioGraphSchema = z
  .strictObject({
    nodes: z.array(graphNodeSchema).max(500),
    edges: z.array(graphEdgeSchema).max(2000),
  })
  .meta({ id: "ScenarioGraph" });
export type ScenarioGraph = z.infer<typeof scenarioGraphSchema>;

export const EMPTY_GRAPH: ScenarioGraph = { nodes: [], edges: [] };

/**
 * A stored draft: the graph's structure, with each node's config not checked yet. The builder saves while the author
 * is still filling a node's form (a segment not chosen, variants adding up to 120%); validation reports those configs
 * on their nodes, and publishing parses with `scenarioGraphSchema`, so nothing unfinished ever runs.
 */
export const draftGraphSchema = z.strictObject({
  nodes: z
    .array(
      z.strictObject({
        id: nodeIdSchema,
        type: z.enum(NODE_TYPES as [NodeType, ...NodeType[]]),
        config: z.record(z.string(), z.unknown()),
        position: positionSchema,
        openPorts: z.array(z.string()).optional(),
      }),
    )
    .max(500),
  edges: z.array(graphEdgeSchema).max(2000),
});
export type DraftGraph = z.infer<typeof draftGraphSchema>;

/**
 * A draft as the builder edits it. Its configs may be unfinished, which the builder's code tolerates (summaries and
 * ports of a config it cannot read fall back, the forms show what is missing); the type is the finished graph's.
 */
export const asEditableGraph = (draft: DraftGraph) => draft as unknown as ScenarioGraph;

/** Edges leaving a node's port, in a stable order (by edge id), so parallel lanes are named the same on every replay. */
export function edgesFrom(graph: ScenarioGraph, nodeId: string, port: string): GraphEdge[] {
  return graph.edges
    .filter((e) => e.from === nodeId && e.fromPort === port)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A stored graph in its schema's key order (`id, type, config…`, `id, from, fromPort, to`) for people and exports:
 * Postgres jsonb keeps keys in its own order. Anything that does not parse is returned as it is.
 */
export function presentGraph(stored: unknown): unknown {
  const parsed = scenarioGraphSchema.safeParse(stored);
  return parsed.success ? parsed.data : stored;
}
