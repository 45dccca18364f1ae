import "server-only";
import { z } from "zod";
import { defineCriterion } from "./define-criterion";

/** Lets a scenario whose trigger may or may not carry a payment check first (a given subscription has none). */
export default defineCriterion({
  kind: "trigger",
  key: "has_payment",
  label: "Trigger has a payment",
  operators: [{ op: "is", label: "is" }],
  valueInput: "boolean",
  value: z.boolean(),
  requires: null,
  async evaluate(context, _operator, expected) {
    const actual = (await context.payment()) !== null;
    return { holds: actual === expected, actual };
  },
});
