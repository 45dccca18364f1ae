import { z } from "zod";
import { formatMoney } from "@/lib/money";
import { defineEntry } from "../registry";

export default defineEntry({
  type: "minimum_payment_cents",
  label: "Minimum payment",
  description:
    "The friend's payment must reach this amount (in cents). Needs the “Friend pays” trigger.",
  optionsSchema: z.object({
    amount_cents: z
      .number({ message: "Enter an amount in cents." })
      .int()
      .min(1)
      .max(100_000_000)
      .describe("Minimum amount in cents"),
  }),
  describe: ({ amount_cents }) => `payment of at least ${formatMoney(amount_cents)}`,
});
