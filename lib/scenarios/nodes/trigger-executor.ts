import "server-only";
import type { TriggerType } from "./definitions";
import type { InstantNodeExecutor } from "./node-executor";

/** The executor of a trigger node: the run entered here. The facts keep what started it. */
export const triggerExecutor = <T extends TriggerType>(): InstantNodeExecutor<T> => ({
  spansTime: false,
  readsOnly: true,
  async execute({ visit }) {
    return { outcome: "out", facts: { event: visit.trigger.event } };
  },
  async simulate({ context }) {
    return {
      outcome: "out",
      facts: { event: context.trigger.event },
      note: `Enters on ${context.trigger.event}`,
    };
  },
});
