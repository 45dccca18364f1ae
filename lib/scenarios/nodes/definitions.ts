/**
 * The node-type registry: every type's UI-safe definition. The graph schema, validation, the builder (palette,
 * canvas, panel) and the inspector read node types from here only; their executors are in `executors.ts`. Adding a
 * node type is its folder, its line here and in `executors.ts`, and its panel form.
 */
import type { z } from "zod";
import type { GraphNode, NodeOf } from "@/lib/scenarios/graph";
import { abTestNode } from "./ab-test/definition";
import { bannerNode } from "./banner/definition";
import { beforeEventNode } from "./before-event/definition";
import { conditionNode } from "./condition/definition";
import type { NodeDefinition } from "./define-node";
import { emailNode } from "./email/definition";
import { eventNode } from "./event/definition";
import { genericNode } from "./generic/definition";
import { goalNode } from "./goal/definition";
import { segmentNode } from "./segment/definition";
import { waitNode } from "./wait/definition";
import { waitEventNode } from "./wait-event/definition";

/** The registry's keys are the types: each entry must be filed under its own type. */
const registry = <const D extends { [K in keyof D]: { type: K } }>(definitions: D): D =>
  definitions;

/** In palette order within each group. */
export const NODE_DEFINITIONS = registry({
  event: eventNode,
  before_event: beforeEventNode,
  condition: conditionNode,
  email: emailNode,
  banner: bannerNode,
  generic: genericNode,
  segment: segmentNode,
  wait: waitNode,
  wait_event: waitEventNode,
  goal: goalNode,
  ab_test: abTestNode,
});

export type NodeDefinitions = typeof NODE_DEFINITIONS;
export type NodeType = keyof NodeDefinitions;
export const NODE_TYPES = Object.keys(NODE_DEFINITIONS) as NodeType[];
export type NodeConfig<T extends NodeType> = z.output<NodeDefinitions[T]["configSchema"]>;

/** The types whose nodes start runs. */
export type TriggerType = {
  [T in NodeType]: NodeDefinitions[T]["group"] extends "trigger" ? T : never;
}[NodeType];
export type TriggerNode = NodeOf<TriggerType>;

/** A node's definition, with its config type widened to what a node of any type holds. */
export function definitionOf(
  node: Pick<GraphNode, "type">,
): NodeDefinition<NodeType, z.ZodType<GraphNode["config"]>> {
  return NODE_DEFINITIONS[node.type] as unknown as NodeDefinition<
    NodeType,
    z.ZodType<GraphNode["config"]>
  >;
}

export function nodePorts(node: GraphNode): string[] {
  return definitionOf(node).ports(node.config);
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
  return definitionOf(node).summary(node.config);
}

export const isTriggerNode = (node: GraphNode): node is TriggerNode =>
  NODE_DEFINITIONS[node.type].group === "trigger";

/** The event a trigger node listens to: its event name, or `before:<trigger>` for before-events. */
export function triggerEventOf(node: TriggerNode): string {
  return (NODE_DEFINITIONS[node.type].triggerEvent as (config: TriggerNode["config"]) => string)(
    node.config,
  );
}
