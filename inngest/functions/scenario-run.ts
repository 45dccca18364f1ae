import type { GetStepTools } from "inngest";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { claimScenarioRun } from "@/lib/scenarios/engine/claim-scenario-run";
import { setRunStatus } from "@/lib/scenarios/engine/run-visits";
import { loadVersionGraph } from "@/lib/scenarios/engine/load-version-graph";
import {
  maxStepsPerRun,
  visitEntryNodes,
  walkScenarioRun,
  type WalkResume,
} from "@/lib/scenarios/engine/walk-scenario-run";
import { batchedCheckpointing, inngest } from "../client";
import {
  SCENARIO_RUN_CONTINUE_EVENT,
  SCENARIO_RUN_EVENT,
  SCENARIO_RUN_EXITED_EVENT,
} from "../events";

const dataSchema = z.object({ run_id: z.number().int().positive() });
const failureSchema = z.object({ event: z.object({ data: dataSchema }) });
const continueDataSchema = z.object({
  run_id: z.number().int().positive(),
  from_executor_run_id: z.string().min(1),
  resume: z.object({
    visits: z.record(z.string(), z.number().int().positive()),
    lanes: z.array(
      z.object({
        lane: z.string(),
        nodeId: z.string(),
        viaEdgeId: z.string().nullable(),
        inside: z
          .object({
            visit: z.number().int().positive(),
            enteredAt: z.string(),
            progress: z.record(z.string(), z.unknown()),
          })
          .nullable(),
      }),
    ),
  }),
});

/** An exit event ended the scenario run (its row is `exited` already): its executor runs stop where they wait. */
const cancelOnExit = [
  { event: SCENARIO_RUN_EXITED_EVENT, if: "async.data.run_id == event.data.run_id" },
];

// Whatever ended the executor run (a step out of retries outside a node), the scenario run must not stay `running` or
// `waiting` for ever.
const failRun = async ({ event, error }: { event: { data: unknown }; error: Error }) => {
  const { run_id } = failureSchema.parse(event.data).event.data;
  await setRunStatus(
    await getDb(),
    run_id,
    "failed",
    `run function failed: ${error.message.slice(0, 200)}`,
  );
};

/**
 * Claim the scenario run for this executor run — a start visits its entry (trigger) nodes in the same step — and walk
 * it (from its entry nodes, or from where the previous executor run paused). A walk that reaches the step budget ends this executor run by sending the continuation: one send step,
 * whose event id and the continuing function's idempotency key are this executor run's id, so a retried send starts
 * one continuation at most.
 */
async function walkInThisExecutorRun(
  step: GetStepTools<typeof inngest>,
  executorRunId: string,
  runId: number,
  continuing: { from: string; resume: WalkResume } | null,
) {
  const db = await getDb();
  const run = await step.run("claim", async () => {
    const claimed = await claimScenarioRun(db, {
      runId,
      executorRunId,
      continuesFrom: continuing?.from,
    });
    if (!claimed || continuing) return claimed;
    const graph = await loadVersionGraph(db, claimed.versionId);
    return { ...claimed, entryVisits: await visitEntryNodes(db, claimed, graph) };
  });
  if (!run) return { walked: false };
  const graph = await loadVersionGraph(db, run.versionId);
  const outcome = await walkScenarioRun(
    db,
    {
      run: (id, fn) => step.run(id, fn) as never,
      sleepUntil: (id, until) => step.sleepUntil(id, until),
      waitForEvent: (id, options) => step.waitForEvent(id, options),
    },
    run,
    graph,
    { stepsUsed: 1, maxSteps: maxStepsPerRun(), resume: continuing?.resume ?? null },
  );
  if (outcome.status === "continues") {
    await step.sendEvent("continue", {
      id: `scenario-run:${runId}:from:${executorRunId}`,
      name: SCENARIO_RUN_CONTINUE_EVENT,
      data: { run_id: runId, from_executor_run_id: executorRunId, resume: outcome.resume },
    });
  }
  return { walked: true, continued: outcome.status === "continues" };
}

/**
 * Walk one user through one scenario version (design.md "Execution"). The run row was created by the dispatcher or
 * the before-events cron; the version it pinned is read here, so publishing a new version never changes a run midway.
 */
export const scenarioRun = inngest.createFunction(
  {
    id: "scenario-run",
    triggers: [{ event: SCENARIO_RUN_EVENT }],
    cancelOn: cancelOnExit,
    retries: 3,
    idempotency: "event.data.run_id",
    checkpointing: batchedCheckpointing,
    onFailure: failRun,
  },
  async ({ event, step, runId }) => {
    const { run_id } = dataSchema.parse(event.data);
    return walkInThisExecutorRun(step, runId, run_id, null);
  },
);

/**
 * Go on with a scenario run whose walk paused near Inngest's 1,000 steps per run: a fresh executor run of the same
 * scenario run (same row, visits numbered on), as many times as the walk needs.
 */
export const scenarioRunContinue = inngest.createFunction(
  {
    id: "scenario-run-continue",
    triggers: [{ event: SCENARIO_RUN_CONTINUE_EVENT }],
    cancelOn: cancelOnExit,
    retries: 3,
    idempotency: "event.data.from_executor_run_id",
    checkpointing: batchedCheckpointing,
    onFailure: failRun,
  },
  async ({ event, step, runId }) => {
    const data = continueDataSchema.parse(event.data);
    return walkInThisExecutorRun(step, runId, data.run_id, {
      from: data.from_executor_run_id,
      resume: data.resume,
    });
  },
);
