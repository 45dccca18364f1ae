import "server-only";
import { z } from "zod";
import { MINUTE_MS } from "@/lib/clock";
import { finishTimedVisit } from "@/lib/scenarios/engine/run-visits";
import { formatMinutes } from "../format-minutes";
import { CONTINUES_IN_NEXT_RUN, type TimedNodeExecutor } from "../node-executor";

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

/**
 * Sleeps `sleep 1`, `sleep 2`… until the wait is over, then records it in `done`. Before each sleep the visit may pause
 * for the run's next executor run (`{ slept }`: the sleeps already done), which goes on with the next sleep.
 */
export const waitExecutor: TimedNodeExecutor<"wait"> = {
  spansTime: true,
  async execute({ node, visit, step, resume }) {
    const targets = sleepTargets(visit.enteredAt, node.config.minutes);
    for (
      let slept = resume ? z.number().int().min(0).parse(resume.slept) : 0;
      slept < targets.length;
      slept++
    ) {
      if (step.pauseIfOutOfSteps({ slept })) return CONTINUES_IN_NEXT_RUN;
      await step.sleepUntil(`sleep ${slept + 1}`, targets[slept]!);
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
