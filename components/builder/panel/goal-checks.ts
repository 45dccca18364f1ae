import { countGoalChecks, MAX_GOAL_CHECKS } from "@/lib/scenarios/nodes/goal/definition";

/** The goal form's version of publishing's recheck limit, counted the same way. */
export function goalChecksMessage(
  recheckMinutes: number,
  timeoutMinutes: number | null,
): string | null {
  if (!Number.isInteger(recheckMinutes) || recheckMinutes < 1) return null;
  const checks = countGoalChecks(recheckMinutes, timeoutMinutes);
  return checks > MAX_GOAL_CHECKS
    ? `That is ${checks} rechecks; at most ${MAX_GOAL_CHECKS} are allowed: make the period longer or the timeout shorter.`
    : null;
}
