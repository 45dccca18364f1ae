import { MINUTE_MS, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { advanceCronCursor, readCronCursor } from "@/lib/scenarios/before-events/cron-cursor";
import { startBeforeEventRuns } from "@/lib/scenarios/before-events/start-before-event-runs";
import { inngest } from "../client";
import { SCENARIO_RUN_EVENT } from "../events";

const CURSOR = "scenarios-before-events";

/**
 * Every ten minutes: start runs for subscriptions and recurrent payments whose date minus a trigger's offset fell due
 * since the last successful tick (design.md "Before events"). The window starts where the last tick ended, so an
 * outage is caught up, never skipped; the cursor moves only after the runs were sent.
 */
export const scenariosBeforeEvents = inngest.createFunction(
  { id: "scenarios-before-events", triggers: [{ cron: "*/10 * * * *" }], retries: 5 },
  async ({ step }) => {
    const window = await step.run("window", async () => {
      const to = now();
      const from = await readCronCursor(
        await getDb(),
        CURSOR,
        new Date(to.getTime() - 10 * MINUTE_MS),
      );
      return { from: from.toISOString(), to: to.toISOString() };
    });
    const from = new Date(window.from);
    const to = new Date(window.to);
    const runIds = await step.run("start-runs", async () =>
      startBeforeEventRuns(await getDb(), { from, to }),
    );
    if (runIds.length > 0) {
      await step.sendEvent(
        "send-runs",
        runIds.map((id) => ({
          id: `scenario-run:${id}`,
          name: SCENARIO_RUN_EVENT,
          data: { run_id: id },
        })),
      );
    }
    await step.run("advance-cursor", async () =>
      advanceCronCursor(await getDb(), CURSOR, { from, to }),
    );
    return { from: window.from, to: window.to, runs: runIds.length };
  },
);
