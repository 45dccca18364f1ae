import "server-only";
import { plainJsonSchema } from "@/lib/scenarios/plain-json-schema";
import type { GenericActionDefinition } from "./define-action";
import emitEvent from "./emit-event";
import extendSubscription from "./extend-subscription";
import webhook from "./webhook";

/** The generic-action registry: one file per action. */
export const GENERIC_ACTIONS = [
  extendSubscription,
  webhook,
  emitEvent,
] as unknown as readonly GenericActionDefinition<unknown>[];

export function findGenericAction(code: string): GenericActionDefinition<unknown> | null {
  return GENERIC_ACTIONS.find((action) => action.code === code) ?? null;
}

/** UI-safe description for the builder: each action's params as JSON Schema, rendered as a form. */
export function describeGenericActions() {
  return GENERIC_ACTIONS.map((action) => ({
    code: action.code,
    label: action.label,
    description: action.description,
    paramsSchema: plainJsonSchema(action.params),
  }));
}
