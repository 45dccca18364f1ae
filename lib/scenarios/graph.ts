/**
 * The scenario graph: the one definition the engine, the API (import/export) and the builder share. UI-safe: zod,
 * types and node metadata only — server-side executors live in `lib/scenarios/nodes/`.
 *
 * A graph is domain JSON (design.md "Scenarios"), never React Flow state:
 * `{ nodes: [{ id, type, config, position, openPorts? }], edges: [{ id, from, fromPort, to }] }`.
 */
import { z } from "zod";

export const BEFORE_EVENT_TRIGGERS = ["subscription_ends", "recurrent_payment_charge", "recurrent_payment_expires"] as const;
export type BeforeEventTrigger = (typeof BEFORE_EVENT_TRIGGERS)[number];

export const CRITERION_KINDS = ["user", "payment", "subscription", "trigger"] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: "Use lowercase letters, digits, - and _." });
const nodeIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { message: "Node ids are letters, digits, - and _." });
/** How often one goal visit may recheck: each check is two durable steps, and a run may take 1,000. */
export const MAX_GOAL_CHECKS = 300;

/** Waits, rechecks and timeouts are whole minutes; a year is the most any of them may be. */
const minutesSchema = z.number().int().min(1).max(525_600);

export const criterionSchema = z.strictObject({
  kind: z.enum(CRITERION_KINDS),
  key: z.string().min(1).max(64),
  operator: z.string().min(1).max(32),
  /** Checked against the criterion's own schema by validation (`lib/scenarios/criteria`). */
  value: z.unknown().optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const abVariantSchema = z.strictObject({
  code: z.string().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(1).max(100),
  percent: z.number().int().min(0).max(100),
});

export const nodeConfigSchemas = {
  event: z.strictObject({ event: z.string().min(1).max(120) }),
  before_event: z.strictObject({ trigger: z.enum(BEFORE_EVENT_TRIGGERS), minutes: z.number().int().min(0).max(525_600) }),
  condition: z.strictObject({ criteria: z.array(criterionSchema).min(1, { message: "Add at least one criterion." }).max(50) }),
  email: z.strictObject({ template: codeSchema }),
  banner: z.strictObject({ bannerId: z.number().int().positive(), expiresAfterMinutes: minutesSchema.nullable() }),
  generic: z.strictObject({ action: codeSchema, params: z.record(z.string(), z.unknown()) }),
  segment: z.strictObject({ segment: codeSchema }),
  wait: z.strictObject({ minutes: minutesSchema }),
  goal: z.strictObject({
    goals: z.array(codeSchema).min(1, { message: "Choose at least one goal." }).max(20),
    recheckMinutes: minutesSchema,
    timeoutMinutes: minutesSchema.nullable(),
  }),
  ab_test: z.strictObject({ variants: z.array(abVariantSchema).min(2, { message: "An A/B test needs two variants." }).max(10) }),
} as const;

export type NodeType = keyof typeof nodeConfigSchemas;
export const NODE_TYPES = Object.keys(nodeConfigSchemas) as NodeType[];
export type NodeConfig<T extends NodeType> = z.infer<(typeof nodeConfigSchemas)[T]>;

const positionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

const nodeVariant = <T extends NodeType>(type: T) =>
  z.strictObject({
    id: nodeIdSchema,
    type: z.literal(type),
    config: nodeConfigSchemas[type],
    position: positionSchema,
    /** Ports the author chose to leave unconnected (the run ends there). */
    openPorts: z.array(z.string()).optional(),
  });

export const graphNodeSchema = z.discriminatedUnion("type", [
  nodeVariant("event"),
  nodeVariant("before_event"),
  nodeVariant("condition"),
  nodeVariant("email"),
  nodeVariant("banner"),
  nodeVariant("generic"),
  nodeVariant("segment"),
  nodeVariant("wait"),
  nodeVariant("goal"),
  nodeVariant("ab_test"),
]);
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
        type: z.enum(Object.keys(nodeConfigSchemas) as [NodeType, ...NodeType[]]),
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

export type NodeGroup = "trigger" | "condition" | "action" | "operation";

export interface NodeTypeMeta<T extends NodeType = NodeType> {
  type: T;
  group: NodeGroup;
  label: string;
  description: string;
  /** The node's output ports for a config. */
  ports(config: NodeConfig<T>): string[];
  /** One line that says what the node is set to do ("Wait 3 days"). */
  summary(config: NodeConfig<T>): string;
  /** A config a new node starts with. */
  defaultConfig: NodeConfig<T>;
}

export function formatMinutes(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (minutes % 1440 === 0) return plural(minutes / 1440, "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

const BEFORE_EVENT_LABELS: Record<BeforeEventTrigger, string> = {
  subscription_ends: "subscription ends",
  recurrent_payment_charge: "recurrent payment is charged",
  recurrent_payment_expires: "recurrent payment expires",
};

export const beforeEventLabel = (trigger: BeforeEventTrigger) => BEFORE_EVENT_LABELS[trigger];

const YES_NO = () => ["yes", "no"];
const OUT = () => ["out"];

export const NODE_TYPE_META: { [T in NodeType]: NodeTypeMeta<T> } = {
  event: {
    type: "event",
    group: "trigger",
    label: "Event",
    description: "Starts a run when the event happens to a user.",
    ports: OUT,
    summary: (c) => `On ${c.event}`,
    defaultConfig: { event: "user.created" },
  },
  before_event: {
    type: "before_event",
    group: "trigger",
    label: "Before event",
    description: "Starts a run a set time before a subscription or recurrent payment date.",
    ports: OUT,
    summary: (c) => (c.minutes === 0 ? `When ${beforeEventLabel(c.trigger)}` : `${formatMinutes(c.minutes)} before ${beforeEventLabel(c.trigger)}`),
    defaultConfig: { trigger: "subscription_ends", minutes: 7 * 1440 },
  },
  condition: {
    type: "condition",
    group: "condition",
    label: "Condition",
    description: "Yes when every criterion holds.",
    ports: YES_NO,
    summary: (c) => `${c.criteria.length} ${c.criteria.length === 1 ? "criterion" : "criteria"}: ${c.criteria.map((x) => x.key).join(", ")}`,
    defaultConfig: { criteria: [{ kind: "user", key: "email_domain", operator: "is", value: "" }] },
  },
  email: {
    type: "email",
    group: "action",
    label: "Email",
    description: "Sends an email template to the user.",
    ports: OUT,
    summary: (c) => `Email: ${c.template}`,
    defaultConfig: { template: "welcome" },
  },
  banner: {
    type: "banner",
    group: "action",
    label: "Banner",
    description: "Shows a banner in the customer zone until dismissed or expired.",
    ports: OUT,
    summary: (c) => `Banner #${c.bannerId}${c.expiresAfterMinutes ? ` for ${formatMinutes(c.expiresAfterMinutes)}` : ""}`,
    defaultConfig: { bannerId: 1, expiresAfterMinutes: 7 * 1440 },
  },
  generic: {
    type: "generic",
    group: "action",
    label: "Action",
    description: "Runs an action from the action registry.",
    ports: OUT,
    summary: (c) => `Action: ${c.action}`,
    defaultConfig: { action: "extend_subscription", params: { days: 7 } },
  },
  segment: {
    type: "segment",
    group: "operation",
    label: "Segment",
    description: "Yes when the user is in the segment now.",
    ports: YES_NO,
    summary: (c) => `In segment ${c.segment}?`,
    defaultConfig: { segment: "" },
  },
  wait: {
    type: "wait",
    group: "operation",
    label: "Wait",
    description: "Pauses the run.",
    ports: OUT,
    summary: (c) => `Wait ${formatMinutes(c.minutes)}`,
    defaultConfig: { minutes: 1440 },
  },
  goal: {
    type: "goal",
    group: "operation",
    label: "Goal",
    description: "Yes when the user completed every goal; no when the timeout passes first.",
    ports: YES_NO,
    summary: (c) => `Goals: ${c.goals.join(", ")}${c.timeoutMinutes ? ` · up to ${formatMinutes(c.timeoutMinutes)}` : ""}`,
    defaultConfig: { goals: [], recheckMinutes: 60, timeoutMinutes: 7 * 1440 },
  },
  ab_test: {
    type: "ab_test",
    group: "operation",
    label: "A/B test",
    description: "Sends each user down one variant, drawn once and kept.",
    ports: (c) => c.variants.map((v) => variantPort(v.code)),
    summary: (c) => c.variants.map((v) => `${v.code} ${v.percent}%`).join(" · "),
    defaultConfig: {
      variants: [
        { code: "A", name: "Variant A", percent: 50 },
        { code: "B", name: "Variant B", percent: 50 },
      ],
    },
  },
};

export const variantPort = (code: string) => `variant:${code}`;

export function nodeMeta(node: GraphNode): NodeTypeMeta {
  return NODE_TYPE_META[node.type] as unknown as NodeTypeMeta;
}

export function nodePorts(node: GraphNode): string[] {
  return (NODE_TYPE_META[node.type].ports as (config: unknown) => string[])(node.config);
}

/** Ports of a draft node, whose config may be half-typed in the builder: none when its config cannot be read. */
export function draftNodePorts(node: GraphNode): string[] {
  try {
    return nodePorts(node);
  } catch {
    return [];
  }
}

export function nodeSummary(node: GraphNode): string {
  return (NODE_TYPE_META[node.type].summary as (config: unknown) => string)(node.config);
}

export const isTriggerNode = (node: GraphNode): node is NodeOf<"event"> | NodeOf<"before_event"> =>
  node.type === "event" || node.type === "before_event";

/** Edges leaving a node's port, in a stable order (by edge id), so parallel lanes are named the same on every replay. */
export function edgesFrom(graph: ScenarioGraph, nodeId: string, port: string): GraphEdge[] {
  return graph.edges.filter((e) => e.from === nodeId && e.fromPort === port).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The event a trigger node listens to: its event name, or `before:<trigger>` for before-events. */
export function triggerEventOf(node: NodeOf<"event"> | NodeOf<"before_event">): string {
  return node.type === "event" ? node.config.event : `before:${node.config.trigger}`;
}

/**
 * A stored graph in its schema's key order (`id, type, config…`, `id, from, fromPort, to`) for people and exports:
 * Postgres jsonb keeps keys in its own order. Anything that does not parse is returned as it is.
 */
export function presentGraph(stored: unknown): unknown {
  const parsed = scenarioGraphSchema.safeParse(stored);
  return parsed.success ? parsed.data : stored;
}
