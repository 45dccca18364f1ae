import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { scenarioActionEffects } from "@/lib/db/schema";
import { extendActualSubscription } from "@/lib/subscriptions/extend-subscription";
import { defineGenericAction } from "./define-action";

export default defineGenericAction({
  code: "extend_subscription",
  label: "Extend subscription",
  description: "Adds days to the user's actual subscription (nothing happens when none runs).",
  params: z.strictObject({ days: z.number().int().min(1).max(3650).meta({ title: "Days" }) }),
  describe: (params) => `extend the actual subscription by ${params.days} days`,
  async execute(run, params) {
    // The effect and its record commit together: a step retried after the commit (its answer lost) finds the record
    // and does not extend a second time.
    return run.db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(scenarioActionEffects)
        .values({ idempotencyKey: run.idempotencyKey, facts: {} })
        .onConflictDoNothing()
        .returning();
      if (!claimed) {
        const [done] = await tx
          .select()
          .from(scenarioActionEffects)
          .where(eq(scenarioActionEffects.idempotencyKey, run.idempotencyKey));
        return done?.facts ?? {};
      }
      const result = await extendActualSubscription(tx, { userId: run.userId, days: params.days });
      const facts = result
        ? {
            extended: true,
            subscription_id: result.subscription.id,
            from: result.previousEndAt.toISOString(),
            to: result.subscription.endAt.toISOString(),
          }
        : { extended: false, reason: "no actual subscription" };
      await tx
        .update(scenarioActionEffects)
        .set({ facts })
        .where(eq(scenarioActionEffects.idempotencyKey, run.idempotencyKey));
      return facts;
    });
  },
});
