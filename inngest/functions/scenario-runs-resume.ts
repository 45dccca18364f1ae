import { getDb } from "@/lib/db";
import { findUnstartedRuns } from "@/lib/scenarios/engine/find-unstarted-runs";
import { inngest } from "../client";
import { SCENARIO_RUN_EVENT } from "../events";

/**
 * Every ten minutes: send the start again for runs that were created but never claimed (a dispatcher whose send
 * failed for good). Within Inngest's de-duplication window the resend is dropped; after it, the claim makes sure only
 * one executor run walks the scenario run.
 */
export const scenarioRunsResume = inngest.createFunction(
  { id: "scenario-runs-resume", triggers: [{ cron: "*/10 * * * *" }] },
  async ({ step }) => {
    const runIds = await step.run("find-unstarted", async () => findUnstartedRuns(await getDb()));
    if (runIds.length === 0) return { resent: 0 };
    await step.sendEvent(
      "resend-starts",
      runIds.map((id) => ({
        id: `scenario-run:${id}`,
        name: SCENARIO_RUN_EVENT,
        data: { run_id: id },
      })),
    );
    return { resent: runIds.length };
  },
);
