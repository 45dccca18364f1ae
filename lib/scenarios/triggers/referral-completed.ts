import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "referral.completed",
  label: "Referral completed",
  description: "A referral of the user completed.",
  provides: [],
});
