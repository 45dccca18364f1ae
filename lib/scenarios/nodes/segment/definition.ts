import { z } from "zod";
import { codeSchema } from "../config-fields";
import { defineNode } from "../define-node";
import { decision, text } from "../visit-lines";

/** Yes when the user is in a segment now. */
export const segmentNode = defineNode({
  type: "segment",
  configSchema: z.strictObject({ segment: codeSchema }),
  group: "operation",
  label: "Segment",
  description: "Yes when the user is in the segment now.",
  icon: "◎",
  defaultConfig: { segment: "" },
  ports: () => ["yes", "no"],
  summary: (c) => `In segment ${c.segment}?`,
  spansTime: false,
  check(config, { references, report }) {
    if (!references.segments.has(config.segment))
      report("segment_not_found", `There is no segment "${config.segment}".`);
  },
  describeVisit({ facts, config, outcome }) {
    const segment = text(facts.segment) ?? text(config.segment) ?? "?";
    const line = decision(`segment ${segment}`, "", outcome).line;
    if (typeof facts.member !== "boolean") return { line, reason: `segment ${segment}` };
    return { line, reason: `${facts.member ? "in" : "not in"} ${segment}` };
  },
});
