import "server-only";
import { z } from "zod";
import { DAY_MS } from "@/lib/clock";
import { COMPARISON, compare, defineCriterion } from "./define-criterion";

export default defineCriterion({
  kind: "subscription",
  key: "length",
  label: "Subscription length (days)",
  operators: COMPARISON,
  valueInput: "days",
  value: z.number().int().min(0).max(36_500),
  requires: "subscription",
  async evaluate(context, operator, days) {
    const subscription = await context.subscription();
    if (!subscription) return { holds: false, actual: null };
    const actual = Math.round(
      (subscription.endAt.getTime() - subscription.startAt.getTime()) / DAY_MS,
    );
    return { holds: compare(operator, actual, days), actual };
  },
});
