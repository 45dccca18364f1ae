import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { subscriptionTypes } from "@/lib/db/schema";
import { defineCriterion, EQUALITY, equality } from "./define-criterion";

export default defineCriterion({
  kind: "subscription",
  key: "type",
  label: "Subscription type",
  operators: EQUALITY,
  valueInput: "subscription_type",
  value: z
    .array(z.string().trim().min(1))
    .min(1, { message: "Choose at least one subscription type." }),
  requires: "subscription",
  async evaluate(context, operator, codes) {
    const subscription = await context.subscription();
    if (!subscription) return { holds: false, actual: null };
    const [type] = await context.db
      .select({ code: subscriptionTypes.code })
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.id, subscription.subscriptionTypeId));
    const actual = type?.code ?? null;
    return { holds: equality(operator, actual !== null && codes.includes(actual)), actual };
  },
});
