import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "recurrent_payment.state_changed",
  label: "Recurrent payment state changed",
  description: "A recurrent payment was stopped or its charge failed.",
  provides: ["recurrent_payment"],
});
