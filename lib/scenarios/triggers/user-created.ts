import { defineTrigger } from "./define-trigger";

export default defineTrigger({
  event: "user.created",
  label: "User registered",
  description: "A user account was created (sign-up, admin or API).",
  provides: [],
});
