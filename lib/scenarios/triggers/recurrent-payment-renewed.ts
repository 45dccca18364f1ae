import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "recurrent_payment.renewed",
  label: "Recurrent payment renewed",
  description: "A stored card was charged for the next period.",
  provides: ["payment", "subscription", "recurrent_payment"],
});
