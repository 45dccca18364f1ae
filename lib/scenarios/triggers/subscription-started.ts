import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "subscription.started",
  label: "Subscription started",
  description: "A subscription became actual.",
  provides: ["subscription"],
});
