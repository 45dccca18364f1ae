import { getDb } from "@/lib/db";
import { expireReferrals, pruneSightings } from "@/lib/referrals/expire-referrals";
import { inngest } from "../client";

/** Daily at 03:10 UTC: pending referrals past their program's timeout become `expired`; year-old sightings go. */
export const referralsExpire = inngest.createFunction(
  { id: "referrals-expire", triggers: [{ cron: "10 3 * * *" }] },
  async ({ step }) => ({
    expired: await step.run("expire", async () => expireReferrals(await getDb())),
    sightingsPruned: await step.run("prune-sightings", async () => pruneSightings(await getDb())),
  }),
);
