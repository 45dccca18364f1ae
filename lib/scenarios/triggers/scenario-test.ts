import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "scenario.test",
  label: "Test event",
  description: "Fired by an admin for a chosen user, to try a scenario.",
  provides: [],
});
