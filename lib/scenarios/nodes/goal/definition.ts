import { z } from "zod";
import { codeSchema, MAX_MINUTES, minutesSchema } from "../config-fields";
import { defineNode } from "../define-node";
import { formatMinutes } from "../format-minutes";
import { decision, list, text } from "../visit-lines";

/** How often one goal visit may recheck: each check is two durable steps, and a run may take 1,000. */
export const MAX_GOAL_CHECKS = 300;

/** The checks a goal visit may make before its timeout; without a timeout, as many as a year allows. */
export const countGoalChecks = (recheckMinutes: number, timeoutMinutes: number | null) =>
  Math.ceil((timeoutMinutes ?? MAX_MINUTES) / recheckMinutes);

/** Waits until the user completes every goal (yes), or the timeout passes (no). */
export const goalNode = defineNode({
  type: "goal",
  configSchema: z.strictObject({
    goals: z.array(codeSchema).min(1, { message: "Choose at least one goal." }).max(20),
    recheckMinutes: minutesSchema,
    timeoutMinutes: minutesSchema.nullable(),
  }),
  group: "operation",
  label: "Goal",
  description: "Yes when the user completed every goal; no when the timeout passes first.",
  icon: "⚑",
  defaultConfig: { goals: [], recheckMinutes: 60, timeoutMinutes: 7 * 1440 },
  ports: () => ["yes", "no"],
  summary: (c) =>
    `Goals: ${c.goals.join(", ")}${c.timeoutMinutes ? ` · up to ${formatMinutes(c.timeoutMinutes)}` : ""}`,
  spansTime: true,
  check(config, { references, report }) {
    for (const code of config.goals) {
      if (!references.goals.has(code)) report("goal_not_found", `There is no goal "${code}".`);
    }
    if (countGoalChecks(config.recheckMinutes, config.timeoutMinutes) > MAX_GOAL_CHECKS) {
      report(
        "goal_recheck_too_frequent",
        `Recheck at most ${MAX_GOAL_CHECKS} times: make the period longer or the timeout shorter.`,
      );
    }
  },
  describeVisit({ facts, config, outcome }) {
    const missing = list(facts.missing);
    const goals = list(facts.goals) ?? list(config.goals) ?? [];
    if (outcome === null) {
      const reason = `waiting for ${(missing ?? goals).join(", ") || "its goals"}`;
      return { line: `goal: ${reason}`, reason };
    }
    if (outcome === "yes")
      return decision(
        "goal",
        goals.length > 0 ? `completed ${goals.join(", ")}` : "all goals completed",
        outcome,
      );
    const why = text(facts.reason)
      ? `gave up (${text(facts.reason)})`
      : facts.timed_out === true
        ? "timed out"
        : "not completed";
    return decision(
      "goal",
      missing && missing.length > 0 ? `${why}, missing ${missing.join(", ")}` : why,
      outcome,
    );
  },
});
