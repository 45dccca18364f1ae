import "server-only";
import { z } from "zod";
import { CUSTOM_EVENT_PATTERN } from "@/lib/events/event-names";
import { recordEvent } from "@/lib/events/record-event";
import { defineGenericAction } from "./define-action";

export default defineGenericAction({
  code: "emit_event",
  label: "Emit event",
  description: "Records a custom event for the user (other scenarios can start on it).",
  params: z.strictObject({
    name: z
      .string()
      .regex(CUSTOM_EVENT_PATTERN, { message: "Use custom.<name> (lowercase, digits, _ . -)." })
      .meta({ title: "Event name" }),
    payload: z.record(z.string(), z.unknown()).optional().meta({ title: "Payload (JSON)" }),
  }),
  describe: (params) => `record ${params.name}`,
  async execute(run, params) {
    const eventId = await recordEvent(run.db, {
      name: params.name as `custom.${string}`,
      userId: run.userId,
      payload: { ...params.payload, scenario_id: run.scenarioId, scenario_run_id: run.runId },
      dedupeKey: run.idempotencyKey,
    });
    return { event: params.name, event_id: eventId, recorded: eventId !== null };
  },
});
