import { z } from "zod";
import { formatMoney } from "@/lib/money";
import { defineEntry } from "../registry";

export default defineEntry({
  type: "discount",
  label: "Discount code",
  description: "A one-use code, a percentage or a fixed amount off one payment the user makes.",
  optionsSchema: z
    .object({
      kind: z.enum(["percent", "fixed"]).describe("Percentage or fixed amount"),
      percent_off: z
        .number()
        .int()
        .min(1)
        .max(100)
        .optional()
        .describe("Percent off (for a percentage)"),
      amount_off_cents: z
        .number()
        .int()
        .min(1)
        .max(100_000_000)
        .optional()
        .describe("Amount off in cents (for a fixed amount)"),
      valid_days: z
        .number()
        .int()
        .min(1)
        .max(3650)
        .optional()
        .describe("Days the code stays valid (empty: no limit)"),
    })
    .superRefine((value, ctx) => {
      if (value.kind === "percent" && value.percent_off === undefined) {
        ctx.addIssue({ code: "custom", path: ["percent_off"], message: "Enter the percent off." });
      }
      if (value.kind === "fixed" && value.amount_off_cents === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["amount_off_cents"],
          message: "Enter the amount off.",
        });
      }
    }),
  describe: (options) =>
    options.kind === "percent"
      ? `${options.percent_off ?? 0}% off a payment`
      : `${formatMoney(options.amount_off_cents ?? 0)} off a payment`,
});
