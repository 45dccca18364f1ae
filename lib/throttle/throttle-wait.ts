import type { ThrottleRule } from "./throttle-policies";

/** A key's attempts within its rule's window: how many, and when the latest was. */
export interface RecentAttempts {
  count: number;
  latest: Date | null;
}

/**
 * How long (ms) the next attempt must still wait at `at`: 0 while the attempts in the window are within the free
 * allowance; then `firstDelayMs` × 2^(attempts beyond the allowance), at most `maxDelayMs`, counted from the latest.
 */
export function throttleWaitMs(rule: ThrottleRule, recent: RecentAttempts, at: Date): number {
  if (recent.count < rule.freeAttempts || !recent.latest) return 0;
  // 2 ** n is Infinity for a large n, which Math.min caps like any other long delay.
  const delay = Math.min(
    rule.firstDelayMs * 2 ** (recent.count - rule.freeAttempts),
    rule.maxDelayMs,
  );
  return Math.max(0, recent.latest.getTime() + delay - at.getTime());
}

/** A wait in whole seconds for Retry-After: rounded up, at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
