import "server-only";
import { z } from "zod";
import { advanceClock, MINUTE_MS, now } from "@/lib/clock";

export const advanceClockSchema = z.object({
  advance_minutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(366 * 24 * 60),
});

/** The part of the local executor the clock needs: a nudge to run what the new "now" made due. */
export interface ClockDrivenExecutor {
  kick(): void;
}

/**
 * Move "now" forward for the whole app and its in-process executor, so a person can watch a 3-day wait complete.
 * Only while the local executor is in use (the caller checks; production has no such control). The caller passes the
 * executor running in this process, or undefined when it runs elsewhere and notices on its next poll.
 */
export function advanceDevClock(minutes: number, executor: ClockDrivenExecutor | undefined): Date {
  advanceClock(minutes * MINUTE_MS);
  executor?.kick();
  return now();
}
