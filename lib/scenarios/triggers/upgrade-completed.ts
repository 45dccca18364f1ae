import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "upgrade.completed",
  label: "Upgrade completed",
  description: "The user upgraded a subscription.",
  provides: ["subscription", "payment"],
});
