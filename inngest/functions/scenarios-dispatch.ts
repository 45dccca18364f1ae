import { z } from "zod";
import { getDb } from "@/lib/db";
import {
  createRunsForEvents,
  type TriggeringEvent,
} from "@/lib/scenarios/engine/create-runs-for-event";
import { EVENT_TRIGGER_NAMES } from "@/lib/scenarios/triggers";
import { batchedCheckpointing, inngest } from "../client";
import { SCENARIO_RUN_EVENT } from "../events";

/**
 * One wildcard trigger per event family (`user.*`, `payment.*`, …, `custom.*`): Inngest allows ten triggers a
 * function, and the families of the trigger registry fit in that where the event names alone would not.
 */
const families = [
  ...new Set(
    [...EVENT_TRIGGER_NAMES, "custom.any"].map(
      (name) => `${name.slice(0, name.indexOf(".") + 1)}*`,
    ),
  ),
];
if (families.length > 10)
  throw new Error(`scenarios-dispatch would need ${families.length} triggers; Inngest allows 10.`);

const dataSchema = z.looseObject({ user_id: z.number().int().positive().nullable().optional() });

/**
 * Domain events → scenario runs: one per enabled scenario an event triggers, for the event's user. Events come in
 * batches (Inngest's `batchEvents`: up to 100, or what arrived within 5 seconds), so one run creates the runs of a
 * hundred events set-based and starts them with one send.
 */
export const scenariosDispatch = inngest.createFunction(
  {
    id: "scenarios-dispatch",
    triggers: families.map((event) => ({ event })),
    retries: 5,
    checkpointing: batchedCheckpointing,
    batchEvents: { maxSize: 100, timeout: "5s" },
  },
  async ({ events, step }) => {
    const triggering = events.flatMap((event): TriggeringEvent[] => {
      const data = dataSchema.safeParse(event.data ?? {});
      if (!data.success || !data.data.user_id || !event.id) return [];
      return [{ id: event.id, name: event.name, userId: data.data.user_id, payload: data.data }];
    });
    if (triggering.length === 0) return { runs: 0 };
    const runIds = await step.run("create-runs", async () =>
      createRunsForEvents(await getDb(), triggering),
    );
    if (runIds.length === 0) return { runs: 0 };
    // The event ids name the runs: a retried dispatch re-sends them and Inngest keeps one of each.
    await step.sendEvent(
      "start-runs",
      runIds.map((id) => ({
        id: `scenario-run:${id}`,
        name: SCENARIO_RUN_EVENT,
        data: { run_id: id },
      })),
    );
    return { runs: runIds.length };
  },
);
