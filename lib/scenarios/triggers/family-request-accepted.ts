import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "family.request_accepted",
  label: "Family code activated",
  description: "A family code was activated.",
  provides: ["subscription"],
});
