import { z } from "zod";
import {
  describeEventFilter,
  eventFilterSchema,
  eventNameSchema,
} from "@/lib/scenarios/event-filter";
import { minutesSchema } from "../config-fields";
import { defineNode } from "../define-node";
import { formatMinutes } from "../format-minutes";
import { decision, text } from "../visit-lines";

/**
 * Waits for an event of the run's user — a domain event or a custom one — whose data passes the filter: `event` when
 * one arrives, `timeout` when the time runs out first.
 */
export const waitEventNode = defineNode({
  type: "wait_event",
  configSchema: z.strictObject({
    event: eventNameSchema,
    filter: eventFilterSchema,
    timeoutMinutes: minutesSchema,
  }),
  group: "operation",
  label: "Wait for event",
  description: "Waits for an event of the user (with a filter on its data), or a timeout.",
  icon: "◈",
  defaultConfig: { event: "payment.paid", filter: [], timeoutMinutes: 3 * 1440 },
  ports: () => ["event", "timeout"],
  summary: (c) =>
    `Wait for ${c.event}${c.filter.length > 0 ? ` (${describeEventFilter(c.filter)})` : ""} · up to ${formatMinutes(c.timeoutMinutes)}`,
  spansTime: true,
  describeVisit({ facts, config, outcome }) {
    const event = text(facts.event) ?? text(config.event) ?? "an event";
    if (outcome === null) {
      const reason = `waiting for ${event}`;
      return { line: `wait for event: ${reason}`, reason };
    }
    if (outcome === "event") {
      const id = text(facts.event_id);
      return decision("wait for event", `${event} arrived${id ? ` (${id})` : ""}`, outcome);
    }
    if (outcome === "timeout") return decision("wait for event", `no ${event} in time`, outcome);
    return decision("wait for event", text(facts.reason) ?? "", outcome);
  },
});
