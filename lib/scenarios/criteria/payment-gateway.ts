import "server-only";
import { z } from "zod";
import { defineCriterion, EQUALITY, equality } from "./define-criterion";

export default defineCriterion({
  kind: "payment",
  key: "gateway",
  label: "Payment gateway",
  operators: EQUALITY,
  valueInput: "text",
  value: z.string().trim().min(1, { message: "Enter a gateway code." }).max(64),
  requires: "payment",
  async evaluate(context, operator, gateway) {
    const payment = await context.payment();
    if (!payment) return { holds: false, actual: null };
    return { holds: equality(operator, payment.gateway === gateway), actual: payment.gateway };
  },
});
