import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "goal.completed",
  label: "Goal completed",
  description: "The user completed an onboarding goal.",
  provides: [],
});
