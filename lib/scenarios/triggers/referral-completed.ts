import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "referral.completed",
  label: "Referral completed",
  description: "A friend the user referred completed their referral (the user is the referrer; rewards are granted by then).",
  provides: [],
});
