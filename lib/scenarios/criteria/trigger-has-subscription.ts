import "server-only";
import { z } from "zod";
import { defineCriterion } from "./define-criterion";

export default defineCriterion({
  kind: "trigger",
  key: "has_subscription",
  label: "Trigger has a subscription",
  operators: [{ op: "is", label: "is" }],
  valueInput: "boolean",
  value: z.boolean(),
  requires: null,
  async evaluate(context, _operator, expected) {
    const actual = (await context.subscription()) !== null;
    return { holds: actual === expected, actual };
  },
});
