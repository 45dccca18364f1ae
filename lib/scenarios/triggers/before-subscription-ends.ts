import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "before:subscription_ends",
  label: "Before a subscription ends",
  description: "A set time before a subscription's end.",
  provides: ["subscription"],
});
