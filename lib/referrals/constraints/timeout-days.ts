import { z } from "zod";
import { defineEntry } from "../registry";

export default defineEntry({
  type: "timeout_days",
  label: "Time limit",
  description:
    "A referral that has not completed this many days after it was made becomes expired.",
  optionsSchema: z.object({
    days: z
      .number({ message: "Enter a number of days." })
      .int()
      .min(1)
      .max(3650)
      .describe("Days until the referral expires"),
  }),
  describe: ({ days }) => `within ${days} day${days === 1 ? "" : "s"}`,
});
