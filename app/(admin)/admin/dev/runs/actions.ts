"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { advanceClockSchema, advanceDevClock } from "@/lib/dev/advance-dev-clock";
import { AppError } from "@/lib/errors";
import { localExecutorEnabled } from "@/inngest/local/mode";
import { retryRun } from "@/inngest/local/retry-run";
import { inProcessExecutor } from "@/inngest/local/start-in-process";

function requireLocalExecutor() {
  if (!localExecutorEnabled())
    throw new AppError("not_found", "The local executor is not in use.", 404);
}

export const advanceClockAction = defineAction(
  {
    permission: "dev",
    name: "dev.advance-clock",
    schema: advanceClockSchema,
    revalidate: ["/admin/dev/runs"],
  },
  async (input) => {
    requireLocalExecutor();
    const at = advanceDevClock(input.advance_minutes, inProcessExecutor());
    return {
      ok: true as const,
      message: `The clock now reads ${at.toISOString().replace("T", " ").slice(0, 16)} UTC.`,
    };
  },
);

export const retryRunAction = defineAction(
  {
    permission: "dev",
    name: "dev.retry-run",
    schema: z.object({ runId: z.uuid() }),
    revalidate: ["/admin/dev/runs"],
  },
  async (input, { db }) => {
    requireLocalExecutor();
    await retryRun(db, input.runId);
    inProcessExecutor()?.kick();
    return {
      ok: true as const,
      message: "Retrying: the failed step runs again, earlier steps stay memoized.",
    };
  },
);

export const syncAppAction = defineAction(
  {
    permission: "dev",
    name: "dev.sync-app",
    schema: z.object({}),
    revalidate: ["/admin/dev/runs"],
  },
  async () => {
    requireLocalExecutor();
    const executor = inProcessExecutor();
    if (!executor)
      throw new AppError("executor_not_running", "No executor runs in this server process.", 409);
    const result = await executor.sync();
    if (!result.ok) throw new AppError("sync_refused", result.message, 409);
    return { ok: true as const, message: "The app's functions are synced." };
  },
);
