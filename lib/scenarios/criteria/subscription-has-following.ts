import "server-only";
import { z } from "zod";
import { findLastActualSubscription } from "@/lib/subscriptions/find-last-actual-subscription";
import { hasFollowingSubscription } from "@/lib/subscriptions/following-subscription";
import { defineCriterion } from "./define-criterion";

export default defineCriterion({
  kind: "subscription",
  key: "has_following",
  label: "Has a following subscription",
  description:
    "Another subscription (a renewal) starts by this one's end and runs past it, so the access goes on. Checks the trigger's subscription, else the user's actual one.",
  operators: [{ op: "is", label: "is" }],
  valueInput: "boolean",
  value: z.boolean(),
  requires: null,
  async evaluate(context, _operator, expected) {
    const subscription =
      (await context.subscription()) ??
      (await findLastActualSubscription(context.db, { userId: context.userId, at: context.now }));
    if (!subscription) return { holds: false, actual: null };
    const actual = await hasFollowingSubscription(context.db, subscription);
    return { holds: actual === expected, actual };
  },
});
