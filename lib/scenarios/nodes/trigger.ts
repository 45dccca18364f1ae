import "server-only";
import type { NodeExecutor } from "./node-executor";

/** A trigger node: the run entered here. The facts keep what started it. */
export const triggerExecutor: NodeExecutor<"event" | "before_event"> = {
  async execute(visit) {
    return { outcome: "out", facts: { event: visit.trigger.event } };
  },
  async simulate(context) {
    return { outcome: "out", facts: { event: context.trigger.event }, note: `Enters on ${context.trigger.event}` };
  },
};
