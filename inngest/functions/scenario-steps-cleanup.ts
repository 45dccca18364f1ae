import { getDb } from "@/lib/db";
import { deleteOldRunSteps } from "@/lib/scenarios/stats/aggregate-run-steps";
import { inngest } from "../client";

/** Daily: delete raw scenario visits older than 31 days (their counts live on in the hourly buckets). */
export const scenarioStepsCleanup = inngest.createFunction(
  { id: "scenario-steps-cleanup", triggers: [{ cron: "17 3 * * *" }] },
  async ({ step }) => step.run("delete-old-visits", async () => deleteOldRunSteps(await getDb())),
);
