import "server-only";
import type { z } from "zod";
import type { RunContext } from "@/lib/scenarios/run-context";

/** Where an action runs: the context plus a key unique to this node visit, for idempotent side effects. */
export interface ActionRun extends RunContext {
  /** `scenario-run:<run>:<step key>`: the same visit performs its side effect once. */
  idempotencyKey: string;
  scenarioId: number;
  runId: number;
  nodeId: string;
}

/**
 * A generic action (`generic` node). Adding one is one file in this folder plus its line in `index.ts`. `params` is the
 * zod schema the builder renders as the node's form; `execute` returns the facts recorded for the visit and throws to
 * have the step retried.
 */
export interface GenericActionDefinition<P = unknown> {
  code: string;
  label: string;
  description: string;
  params: z.ZodType<P>;
  execute(run: ActionRun, params: P): Promise<Record<string, unknown>>;
  /** What the action would do, for simulation: no side effects. */
  describe(params: P): string;
}

export const defineGenericAction = <P>(definition: GenericActionDefinition<P>) => definition;
