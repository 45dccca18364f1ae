"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { sellerSettingsSchema } from "@/lib/receipts/seller-settings";
import { setSetting } from "@/lib/settings";

/** The form sends the address as one line per row and the rate as typed ("20", "8,1"). */
const sellerFormSchema = z
  .object({
    name: z.string(),
    address_lines: z.string().transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ""),
    ),
    vat_id: z.string().transform((text) => (text.trim() === "" ? null : text.trim())),
    vat_rate_percent: z
      .string()
      .transform((text) =>
        text.trim() === "" ? Number.NaN : Number(text.trim().replace(",", ".")),
      ),
  })
  .pipe(sellerSettingsSchema);

export const saveReceiptSellerAction = defineAction(
  {
    permission: "catalog.write",
    name: "receipt-settings.save",
    schema: sellerFormSchema,
    revalidate: ["/admin/settings/receipts"],
  },
  async (seller, { db }) => {
    await setSetting(db, "receipts.seller", seller);
    return {
      ok: true,
      message: "Saved. New downloads of receipts and credit notes print these details.",
    };
  },
);
