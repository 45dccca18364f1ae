import "server-only";
import { z } from "zod";
import { defineCriterion } from "./define-criterion";

export default defineCriterion({
  kind: "payment",
  key: "recurrent",
  label: "Payment is recurrent",
  operators: [{ op: "is", label: "is" }],
  valueInput: "boolean",
  value: z.boolean(),
  requires: "payment",
  async evaluate(context, _operator, recurrent) {
    const payment = await context.payment();
    if (!payment) return { holds: false, actual: null };
    const actual = payment.recurrentPaymentId !== null || payment.recurrentCardToken !== null;
    return { holds: actual === recurrent, actual };
  },
});
