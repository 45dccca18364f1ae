import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "subscription.ended",
  label: "Subscription ended",
  description: "A subscription's end passed.",
  provides: ["subscription"],
});
