import "server-only";
import { z } from "zod";
import { COMPARISON, compare, defineCriterion } from "./define-criterion";

export default defineCriterion({
  kind: "payment",
  key: "amount",
  label: "Payment amount",
  operators: COMPARISON,
  valueInput: "money",
  value: z.number().int().min(0).max(100_000_000),
  requires: "payment",
  async evaluate(context, operator, cents) {
    const payment = await context.payment();
    if (!payment) return { holds: false, actual: null };
    return { holds: compare(operator, payment.amountCents, cents), actual: payment.amountCents };
  },
});
