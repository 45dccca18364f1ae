/**
 * The UI-safe half of a node type (`nodes/<type>/definition.ts`): its config schema, ports, palette entry, summary,
 * publishing rules and inspector line. The graph schema, validation, the builder and the inspector read definitions
 * through the registry in `definitions.ts`; the server half (`execute.ts`) is registered in `executors.ts`.
 */
import type { z } from "zod";
import type { GraphReferences } from "@/lib/scenarios/check-graph";
import type { CriterionDefinition } from "@/lib/scenarios/criteria/define-criterion";
import type { GenericActionDefinition } from "@/lib/scenarios/actions/define-action";
import type { CriterionKind } from "./condition/definition";
import type { VisitDescription, VisitToDescribe } from "./visit-lines";

export type NodeGroup = "trigger" | "condition" | "action" | "operation";

/**
 * What a type's publishing rules get besides its config. The registries a config names are server-only, so
 * validation hands them in; errors are reported on the node being checked.
 */
export interface NodeCheckContext {
  /** What exists in the database now. */
  references: GraphReferences;
  findAction(code: string): Pick<GenericActionDefinition, "label" | "params"> | null;
  findCriterion(
    kind: CriterionKind,
    key: string,
  ): Pick<CriterionDefinition, "label" | "operators" | "value" | "requires"> | null;
  /** The triggers whose runs can reach the node, with the data their events carry. */
  reachingTriggers: readonly { label: string; provides: readonly string[] }[];
  report(code: string, message: string): void;
}

interface NodeDefinitionBase<
  Type extends string,
  Schema extends z.ZodType,
  Group extends NodeGroup,
  SpansTime extends boolean,
> {
  type: Type;
  /** What a published node's config must parse with (a stored draft may hold an unfinished one). */
  configSchema: Schema;
  /** The palette section, and the colours on the canvas. */
  group: Group;
  label: string;
  description: string;
  icon: string;
  /** A config a new node starts with. */
  defaultConfig: z.output<Schema>;
  /** The node's output ports for a config. */
  ports(config: z.output<Schema>): string[];
  /** One line that says what the node is set to do ("Wait 3 days"). */
  summary(config: z.output<Schema>): string;
  /**
   * A node that pauses the run (wait, goal): its visit spans time, so the walker enters it in one step and hands the
   * rest to its executor's step tools; and a loop through it is a schedule, not a spin.
   */
  spansTime: SpansTime;
  /** Rules beyond the schema, checked before publishing: what the config names must exist, and make sense together. */
  check?(config: z.output<Schema>, context: NodeCheckContext): void;
  /** The inspector's line for one visit, from the facts the executor recorded. */
  describeVisit(visit: VisitToDescribe): VisitDescription;
}

/** Trigger nodes start runs: each says which event starts one (`before:<trigger>` for before-events). */
type TriggerPart<Group extends NodeGroup, Config> = Group extends "trigger"
  ? { triggerEvent(config: Config): string }
  : { triggerEvent?: never };

export type NodeDefinition<
  Type extends string = string,
  Schema extends z.ZodType = z.ZodType,
  Group extends NodeGroup = NodeGroup,
  SpansTime extends boolean = boolean,
> = NodeDefinitionBase<Type, Schema, Group, SpansTime> & TriggerPart<Group, z.output<Schema>>;

/** A node type's definition, with its type, group and `spansTime` kept literal for the registries' types. */
export function defineNode<
  const Type extends string,
  Schema extends z.ZodType,
  const Group extends NodeGroup,
  const SpansTime extends boolean,
>(
  definition: NodeDefinition<Type, Schema, Group, SpansTime>,
): NodeDefinition<Type, Schema, Group, SpansTime> {
  return definition;
}
