import { z } from "zod";
import { getDb } from "@/lib/db";
import { createRunsForEvent } from "@/lib/scenarios/engine/create-runs-for-event";
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

/** Domain events → scenario runs: one per enabled scenario the event triggers, for the event's user. */
export const scenariosDispatch = inngest.createFunction(
  {
    id: "scenarios-dispatch",
    triggers: families.map((event) => ({ event })),
    retries: 5,
    checkpointing: batchedCheckpointing,
  },
  async ({ event, step }) => {
    const data = dataSchema.parse(event.data ?? {});
    if (!data.user_id || !event.id) return { runs: 0 };
    const userId = data.user_id;
    const eventId = event.id;
    const runIds = await step.run("create-runs", async () =>
      createRunsForEvent(await getDb(), { id: eventId, name: event.name, userId, payload: data }),
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
