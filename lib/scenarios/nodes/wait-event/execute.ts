import "server-only";
import { z } from "zod";
import { MINUTE_MS, now } from "@/lib/clock";
import { finishTimedVisit } from "@/lib/scenarios/engine/run-visits";
import { describeEventFilter, eventFilterToCel } from "@/lib/scenarios/event-filter";
import type { NodeOf } from "@/lib/scenarios/graph";
import { formatMinutes } from "../format-minutes";
import { CONTINUES_IN_NEXT_RUN, type TimedNodeExecutor } from "../node-executor";

/** The longest single wait the platform allows (as for sleeps: Inngest Cloud's free plan, 7 days); longer ones chain. */
function maxWaitMs(): number {
  const minutes = Number(process.env.SCENARIO_MAX_SLEEP_MINUTES ?? "");
  return Number.isInteger(minutes) && minutes > 0 ? minutes * MINUTE_MS : 7 * 24 * 60 * MINUTE_MS;
}

/** A wait shorter than this is not worth a step (a deadline a moment away). */
const MIN_WAIT_MS = 1000;

/** The end of each wait of a visit entered at `enteredAt`: deterministic, so replays name the same steps. */
function waitTargets(enteredAt: Date, minutes: number, maxMs = maxWaitMs()): Date[] {
  const end = enteredAt.getTime() + minutes * MINUTE_MS;
  const targets: Date[] = [];
  for (let at = enteredAt.getTime() + maxMs; at < end; at += maxMs) targets.push(new Date(at));
  targets.push(new Date(end));
  return targets;
}

/**
 * The CEL expression an event must pass to wake the visit: the run's user and the node's filter (Inngest evaluates it
 * on each event of that name; `async` is the incoming event).
 */
export function waitEventExpression(node: NodeOf<"wait_event">, userId: number): string {
  const filter = eventFilterToCel(node.config.filter);
  return `async.data.user_id == ${userId}${filter ? ` && ${filter}` : ""}`;
}

const matchedEventSchema = z.looseObject({ id: z.string().optional(), name: z.string() });

/**
 * Waits for the event with `step.waitForEvent` (`wait 1`, `wait 2`… when the timeout is longer than one wait may be),
 * then records the outcome in `done`: `event` with the matched event's id, or `timeout`. Before each wait the visit
 * may pause for the run's next executor run (`{ waited }`: the waits already timed out).
 */
export const waitEventExecutor: TimedNodeExecutor<"wait_event"> = {
  spansTime: true,
  async execute({ node, visit, step, resume }) {
    const targets = waitTargets(visit.enteredAt, node.config.timeoutMinutes);
    const expression = waitEventExpression(node, visit.userId);
    for (
      let waited = resume ? z.number().int().min(0).parse(resume.waited) : 0;
      waited < targets.length;
      waited++
    ) {
      if (step.pauseIfOutOfSteps({ waited })) return CONTINUES_IN_NEXT_RUN;
      // The timeout only counts when Inngest first sees the wait, so reading the clock here does not change replays.
      const timeout = Math.max(MIN_WAIT_MS, targets[waited]!.getTime() - now().getTime());
      const matched = await step.waitForEvent(`wait ${waited + 1}`, {
        event: node.config.event,
        timeout,
        if: expression,
      });
      const event = matchedEventSchema.safeParse(matched);
      if (matched && event.success) {
        await step.run("done", () =>
          finishTimedVisit(visit.db, visit.identity, "event", {
            event: event.data.name,
            event_id: event.data.id ?? null,
          }),
        );
        return "event";
      }
    }
    await step.run("done", () =>
      finishTimedVisit(visit.db, visit.identity, "timeout", {
        event: node.config.event,
        timed_out: true,
        minutes: node.config.timeoutMinutes,
      }),
    );
    return "timeout";
  },
  async simulate({ node }) {
    const filter =
      node.config.filter.length > 0 ? ` (${describeEventFilter(node.config.filter)})` : "";
    return {
      outcome: null,
      facts: { event: node.config.event },
      note: `Waits for ${node.config.event}${filter} up to ${formatMinutes(node.config.timeoutMinutes)}, then timeout`,
    };
  },
};
