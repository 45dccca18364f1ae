import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "before:recurrent_payment_expires",
  label: "Before a recurrent payment expires",
  description: "A set time before a recurrent payment expires.",
  provides: ["payment", "recurrent_payment"],
});
