import { z } from "zod";
import { defineEntry } from "../registry";

export default defineEntry({
  type: "sign_up",
  label: "Friend signs up",
  description: "The referred friend registers and signs in for the first time.",
  optionsSchema: z.object({}),
  describe: () => "when the friend signs up",
});
