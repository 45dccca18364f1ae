import { z } from "zod";
import { defineNode } from "../define-node";
import { triggerVisitLine } from "../visit-lines";

/** Starts a run when an event happens to a user. */
export const eventNode = defineNode({
  type: "event",
  configSchema: z.strictObject({ event: z.string().min(1).max(120) }),
  group: "trigger",
  label: "Event",
  description: "Starts a run when the event happens to a user.",
  icon: "⚡",
  defaultConfig: { event: "user.created" },
  ports: () => ["out"],
  summary: (c) => `On ${c.event}`,
  spansTime: false,
  triggerEvent: (c) => c.event,
  describeVisit: triggerVisitLine,
});
