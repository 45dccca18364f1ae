import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "before:recurrent_payment_charge",
  label: "Before a recurrent charge",
  description: "A set time before a stored card is charged.",
  provides: ["payment", "recurrent_payment"],
});
