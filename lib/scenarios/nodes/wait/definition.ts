import { z } from "zod";
import { minutesSchema } from "../config-fields";
import { defineNode } from "../define-node";
import { formatMinutes } from "../format-minutes";
import { portName } from "../port-name";

/** Pauses the run for a while. */
export const waitNode = defineNode({
  type: "wait",
  configSchema: z.strictObject({ minutes: minutesSchema }),
  group: "operation",
  label: "Wait",
  description: "Pauses the run.",
  icon: "◔",
  defaultConfig: { minutes: 1440 },
  ports: () => ["out"],
  summary: (c) => `Wait ${formatMinutes(c.minutes)}`,
  spansTime: true,
  describeVisit({ facts, config, outcome }) {
    const minutes =
      typeof facts.minutes === "number"
        ? facts.minutes
        : typeof config.minutes === "number"
          ? config.minutes
          : null;
    const duration = minutes === null ? "" : formatMinutes(minutes);
    const subject = duration ? `wait ${duration}` : "wait";
    return {
      line: outcome === null ? `${subject}: waiting` : `${subject} → ${portName(outcome)}`,
      reason: duration,
    };
  },
});
