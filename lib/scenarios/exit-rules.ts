/**
 * A scenario's exit rules (UI-safe): events that end a user's open runs of the scenario at once, as `exited`.
 *
 * They are the scenario's, not a version's (stored in `scenarios.exit_rules`, beside the re-entry rule): an exit says
 * when to stop writing to someone (they paid, they cancelled), which must hold for the runs already waiting in older
 * versions as much as for new ones, and must not wait for the next publish. The dispatcher reads them for the events of
 * a batch in the query that finds the users' open runs, without reading any version's graph.
 */
import { z } from "zod";
import { eventFilterSchema, eventNameSchema } from "./event-filter";

export const exitRuleSchema = z.strictObject({
  event: eventNameSchema,
  /** Tests on the event's data that must all hold; empty: any such event of the user. */
  filter: eventFilterSchema.default([]),
});
export type ExitRule = z.infer<typeof exitRuleSchema>;

export const exitRulesSchema = z.array(exitRuleSchema).max(20);
export type ExitRules = z.infer<typeof exitRulesSchema>;

/** Stored rules as the engine and the builder read them: anything that no longer parses reads as no rules. */
export function readExitRules(stored: unknown): ExitRules {
  const parsed = exitRulesSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** The status reason of a run an exit ended: `exit_event:<event name>`. */
export const exitReason = (eventName: string) => `exit_event:${eventName}`;
