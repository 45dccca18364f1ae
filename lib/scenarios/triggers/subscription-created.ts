import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "subscription.created",
  label: "Subscription created",
  description: "A subscription was created (bought, given, upgraded…).",
  provides: ["subscription", "payment"],
});
