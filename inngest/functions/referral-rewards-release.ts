import { getDb } from "@/lib/db";
import { releaseHeldRewards } from "@/lib/referrals/rewards/release-held-rewards";
import { inngest } from "../client";

/**
 * Hourly: held referral rewards whose hold has passed are granted while the friend's payment is still paid (taken back
 * when it is not). One referral per transaction; what does not fit in a run is due the next hour.
 */
export const referralRewardsRelease = inngest.createFunction(
  { id: "referral-rewards-release", triggers: [{ cron: "25 * * * *" }] },
  async ({ step }) =>
    step.run("release-held-rewards", async () => releaseHeldRewards(await getDb())),
);
