import { MAX_GOAL_CHECKS } from "@/lib/scenarios/graph";

/** A year stands for "no timeout", as publishing counts it. */
const NO_TIMEOUT_MINUTES = 525_600;

export function goalChecksMessage(recheckMinutes: number, timeoutMinutes: number | null): string | null {
  if (!Number.isInteger(recheckMinutes) || recheckMinutes < 1) return null;
  const checks = Math.ceil((timeoutMinutes ?? NO_TIMEOUT_MINUTES) / recheckMinutes);
  return checks > MAX_GOAL_CHECKS
    ? `That is ${checks} rechecks; at most ${MAX_GOAL_CHECKS} are allowed: make the period longer or the timeout shorter.`
    : null;
}
