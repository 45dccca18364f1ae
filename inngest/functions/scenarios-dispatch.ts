import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { attributeConversions } from "@/lib/scenarios/conversions/attribute-conversions";
import {
  createRunsForEvents,
  type TriggeringEvent,
} from "@/lib/scenarios/engine/create-runs-for-event";
import { exitRunsForEvents } from "@/lib/scenarios/engine/exit-runs-for-events";
import { EVENT_TRIGGER_NAMES } from "@/lib/scenarios/triggers";
import { batchedCheckpointing, inngest } from "../client";
import { SCENARIO_RUN_EVENT, SCENARIO_RUN_EXITED_EVENT } from "../events";

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
      const occurredAt = event.ts ? new Date(event.ts) : undefined;
      return [
        {
          id: event.id,
          name: event.name,
          userId: data.data.user_id,
          payload: data.data,
          occurredAt,
        },
      ];
    });
    if (triggering.length === 0) return { runs: 0 };
    // One step, each part idempotent (a retry finds its work done): the new runs first (each entered when its event
    // happened); then conversions, so an event converts the runs that entered before it — also those an earlier
    // event of this batch started, never the run it starts itself; then exits, likewise: an event ends the open runs
    // it exits, those of earlier batches and those an earlier event of this batch started. A run ended so is not
    // started.
    const { runIds, exited } = await step.run("create-runs", async () => {
      const db = await getDb();
      const created = await createRunsForEvents(db, triggering);
      const happened = triggering
        .map((event) => ({ ...event, occurredAt: event.occurredAt ?? now() }))
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
      await attributeConversions(db, happened);
      const exited = (await exitRunsForEvents(db, happened)).map((exit) => exit.runId);
      return { runIds: created.filter((id) => !exited.includes(id)), exited };
    });
    if (exited.length > 0) {
      await step.sendEvent(
        "exit-runs",
        exited.map((id) => ({
          id: `scenario-run-exit:${id}`,
          name: SCENARIO_RUN_EXITED_EVENT,
          data: { run_id: id },
        })),
      );
    }
    if (runIds.length === 0) return { runs: 0, exited: exited.length };
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
