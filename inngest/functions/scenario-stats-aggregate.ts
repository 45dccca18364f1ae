import { getDb } from "@/lib/db";
import { aggregateRunSteps } from "@/lib/scenarios/stats/aggregate-run-steps";
import { inngest } from "../client";

/** Hourly: count raw scenario visits older than five days into hourly buckets. */
export const scenarioStatsAggregate = inngest.createFunction(
  { id: "scenario-stats-aggregate", triggers: [{ cron: "7 * * * *" }] },
  async ({ step }) => step.run("aggregate", async () => aggregateRunSteps(await getDb())),
);
