import { z } from "zod";
import { getDb } from "@/lib/db";
import { claimScenarioRun } from "@/lib/scenarios/engine/claim-scenario-run";
import { setRunStatus } from "@/lib/scenarios/engine/run-visits";
import { loadVersionGraph } from "@/lib/scenarios/engine/load-version-graph";
import { walkScenarioRun } from "@/lib/scenarios/engine/walk-scenario-run";
import { inngest } from "../client";
import { SCENARIO_RUN_EVENT } from "../events";

const dataSchema = z.object({ run_id: z.number().int().positive() });
const failureSchema = z.object({ event: z.object({ data: dataSchema }) });

/**
 * Walk one user through one scenario version (design.md "Execution"). The run row was created by the dispatcher or
 * the before-events cron; the version it pinned is read here, so publishing a new version never changes a run midway.
 */
export const scenarioRun = inngest.createFunction(
  {
    id: "scenario-run",
    triggers: [{ event: SCENARIO_RUN_EVENT }],
    retries: 3,
    idempotency: "event.data.run_id",
    // Whatever ended the executor run (a step out of retries outside a node, the 1,000-step limit), the scenario run
    // must not stay `running` or `waiting` for ever.
    onFailure: async ({ event, error }) => {
      const { run_id } = failureSchema.parse(event.data).event.data;
      await setRunStatus(
        await getDb(),
        run_id,
        "failed",
        `run function failed: ${error.message.slice(0, 200)}`,
      );
    },
  },
  async ({ event, step, runId }) => {
    const { run_id } = dataSchema.parse(event.data);
    const db = await getDb();
    const run = await step.run("claim", () =>
      claimScenarioRun(db, { runId: run_id, executorRunId: runId }),
    );
    if (!run) return { walked: false };
    const graph = await loadVersionGraph(db, run.versionId);
    await walkScenarioRun(
      db,
      {
        run: (id, fn) => step.run(id, fn) as never,
        sleepUntil: (id, until) => step.sleepUntil(id, until),
        waitForEvent: (id, options) => step.waitForEvent(id, options),
      },
      run,
      graph,
    );
    return { walked: true };
  },
);
