import "server-only";
import { Cron } from "croner";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { localCronTicks, localEvents } from "./schema";
import type { RegisteredFunction, StoredEvent } from "./protocol";
import { startRuns } from "./start-run";

/** "TZ=Europe/Prague 0 9 * * *" → the pattern and its time zone. */
export function parseCron(spec: string): { pattern: string; timezone?: string } {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(spec.trim());
  return match ? { pattern: match[2] ?? "", timezone: match[1] } : { pattern: spec.trim() };
}

/** The latest scheduled time of `spec` after `after` and at or before `until`, or null. */
export function latestTickBetween(spec: string, after: Date, until: Date): Date | null {
  const { pattern, timezone } = parseCron(spec);
  const cron = new Cron(pattern, { timezone, paused: true });
  let latest: Date | null = null;
  let cursor: Date | null = cron.nextRun(after);
  // Missed ticks collapse into one run (functions catch up by their own cursor); bound the walk for tiny intervals.
  for (let steps = 0; cursor && cursor <= until && steps < 100_000; steps++) {
    latest = cursor;
    cursor = cron.nextRun(cursor);
  }
  return latest;
}

/**
 * Start a run for every cron trigger whose next tick is due. The first time a trigger is seen it starts counting
 * from now. After downtime, the missed ticks collapse into one run. The tick's event id is derived from the function
 * and the tick time, so two executors firing the same tick start one run.
 */
export async function fireDueCrons(db: Db, functions: RegisteredFunction[]): Promise<number> {
  const at = now();
  const triggers = functions.flatMap((fn) =>
    fn.triggers.flatMap((trigger) => ("cron" in trigger ? [{ fn, cron: trigger.cron }] : [])),
  );
  if (triggers.length === 0) return 0;
  // One read decides what is due; only due triggers take a row lock.
  const ticks = await db.select().from(localCronTicks);
  let started = 0;
  for (const { fn, cron } of triggers) {
    const known = ticks.find((tick) => tick.functionId === fn.id && tick.cron === cron);
    if (!known) {
      await db
        .insert(localCronTicks)
        .values({ functionId: fn.id, cron, lastTickAt: at })
        .onConflictDoNothing();
      continue;
    }
    if (!latestTickBetween(cron, known.lastTickAt, at)) continue;
    started += await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(localCronTicks)
        .where(eqTick(fn.id, cron))
        .for("update", { skipLocked: true });
      if (!row) return 0;
      const tick = latestTickBetween(cron, row.lastTickAt, at);
      if (!tick) return 0;
      await tx.update(localCronTicks).set({ lastTickAt: tick }).where(eqTick(fn.id, cron));
      const event: StoredEvent = {
        id: `cron:${fn.id}:${tick.toISOString()}`,
        name: "inngest/scheduled.timer",
        data: { cron },
        ts: tick.getTime(),
      };
      const fresh = await tx
        .insert(localEvents)
        .values({
          id: event.id,
          name: event.name,
          event: event as unknown as Record<string, unknown>,
          receivedAt: at,
        })
        .onConflictDoNothing()
        .returning();
      if (fresh.length === 0) return 0;
      return (await startRuns(tx, fn, [[event]])).length;
    });
  }
  return started;
}

function eqTick(functionId: string, cron: string) {
  return and(eq(localCronTicks.functionId, functionId), eq(localCronTicks.cron, cron));
}
