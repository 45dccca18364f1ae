import { z } from "zod";
import { defineEntry } from "../registry";

export default defineEntry({
  type: "first_payment",
  label: "Friend pays",
  description:
    "The referred friend's first paid payment. With a minimum payment constraint, the first payment that reaches it.",
  optionsSchema: z.object({}),
  describe: () => "when the friend first pays",
});
