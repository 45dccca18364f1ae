import "server-only";
import { z } from "zod";
import { advanceClock, MINUTE_MS, now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { localExecutorEnabled } from "@/inngest/local/mode";
import { inProcessExecutor } from "@/inngest/local/start-in-process";

export const advanceClockSchema = z.object({
  advance_minutes: z.coerce.number().int().min(1).max(366 * 24 * 60),
});

/**
 * Move "now" forward for the whole app and its in-process executor, so a person can watch a 3-day wait complete.
 * Only while the local executor is in use; production has no such control.
 */
export function advanceDevClock(minutes: number): Date {
  if (!localExecutorEnabled()) throw new AppError("not_found", "The dev clock exists only with the local executor.", 404);
  advanceClock(minutes * MINUTE_MS);
  inProcessExecutor()?.kick();
  return now();
}
