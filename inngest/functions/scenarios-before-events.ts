import { MINUTE_MS, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { advanceCronCursor, readCronCursor } from "@/lib/scenarios/before-events/cron-cursor";
import { startBeforeEventRuns } from "@/lib/scenarios/before-events/start-before-event-runs";
import { inngest } from "../client";
import { SCENARIO_RUN_EVENT } from "../events";

const CURSOR = "scenarios-before-events";
/** Run-start events per send: about 50 kB a request. */
const RUN_EVENTS_PER_SEND = 500;

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
    // Many events per request, in chunks that stay well under the event API's request size; each chunk is a step
    // named by its first and last run, so a retried tick re-sends only what was not sent (and Inngest drops repeats).
    for (let start = 0; start < runIds.length; start += RUN_EVENTS_PER_SEND) {
      const chunk = runIds.slice(start, start + RUN_EVENTS_PER_SEND);
      await step.sendEvent(
        `send-runs-${chunk[0]}-${chunk[chunk.length - 1]}`,
        chunk.map((id) => ({
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
