import { z } from "zod";

/** Who issues receipts and credit notes (setting `receipts.seller`). UI-safe: the admin form shares it. */
export const sellerSettingsSchema = z.object({
  name: z.string().trim().min(1, { message: "Enter the seller's name." }).max(200),
  address_lines: z
    .array(z.string().trim().min(1).max(200))
    .min(1, { message: "Enter at least one address line." })
    .max(4, { message: "Use at most four address lines." }),
  vat_id: z.string().trim().max(50).nullable(),
  /** Prices include VAT at this rate; a receipt shows the VAT contained in the total. Up to two decimals (8.1). */
  vat_rate_percent: z
    .number({ message: "Enter the VAT rate as a number, e.g. 23." })
    .min(0, { message: "The VAT rate cannot be negative." })
    .max(100, { message: "The VAT rate is at most 100 %." })
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
      message: "Use at most two decimals.",
    }),
});

export type SellerSettings = z.output<typeof sellerSettingsSchema>;

export const DEFAULT_SELLER: SellerSettings = {
  name: "Subflow Media s.r.o.",
  address_lines: ["Mlynské nivy 5", "821 09 Bratislava", "Slovakia"],
  vat_id: "SK2120000000",
  vat_rate_percent: 23,
};
