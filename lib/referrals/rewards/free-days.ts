import { z } from "zod";
import { defineEntry } from "../registry";

export default defineEntry({
  type: "free_days",
  label: "Free days",
  description:
    "Extends the user's running subscription by the days; without one, grants a subscription of the chosen type for them (or fails without a type).",
  optionsSchema: z.object({
    days: z.number({ message: "Enter a number of days." }).int().min(1).max(3650).describe("Days"),
    subscription_type_code: z
      .string()
      .trim()
      .max(100)
      .optional()
      .describe("Subscription type to grant when none runs (code)"),
  }),
  describe: ({ days }) => `${days} free day${days === 1 ? "" : "s"}`,
});
