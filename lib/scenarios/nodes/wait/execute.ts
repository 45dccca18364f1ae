import "server-only";
import { MINUTE_MS } from "@/lib/clock";
import { finishTimedVisit } from "@/lib/scenarios/engine/run-visits";
import { formatMinutes } from "../format-minutes";
import type { TimedNodeExecutor } from "../node-executor";

/** The longest single sleep the platform allows (Inngest Cloud's free plan: 7 days); longer waits are chained. */
function maxSleepMs(): number {
  const minutes = Number(process.env.SCENARIO_MAX_SLEEP_MINUTES ?? "");
  return Number.isInteger(minutes) && minutes > 0 ? minutes * MINUTE_MS : 7 * 24 * 60 * MINUTE_MS;
}

/**
 * The wake-up times of a wait entered at `enteredAt`: one sleep per platform maximum, each until an absolute time, so
 * a chain woken late still ends when the wait does. Deterministic, so replays name the same steps.
 */
function sleepTargets(enteredAt: Date, minutes: number, maxMs = maxSleepMs()): Date[] {
  const end = enteredAt.getTime() + minutes * MINUTE_MS;
  const targets: Date[] = [];
  for (let at = enteredAt.getTime() + maxMs; at < end; at += maxMs) targets.push(new Date(at));
  targets.push(new Date(end));
  return targets;
}

/** Sleeps `sleep 1`, `sleep 2`… until the wait is over, then records it in `done`. */
export const waitExecutor: TimedNodeExecutor<"wait"> = {
  spansTime: true,
  async execute({ node, visit, step }) {
    let chunk = 0;
    for (const until of sleepTargets(visit.enteredAt, node.config.minutes)) {
      await step.sleepUntil(`sleep ${++chunk}`, until);
    }
    await step.run("done", async () => {
      await finishTimedVisit(visit.db, visit.identity, "out", { minutes: node.config.minutes });
    });
    return "out";
  },
  async simulate({ node }) {
    return {
      outcome: "out",
      facts: { minutes: node.config.minutes },
      note: `Waits ${formatMinutes(node.config.minutes)}`,
    };
  },
};
