import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "payment.paid",
  label: "Payment paid",
  description: "A payment turned paid.",
  provides: ["payment", "subscription"],
});
