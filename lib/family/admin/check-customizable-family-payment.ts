import "server-only";
import type { Db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { customizableFamilyItemsProblem } from "../customizable-family-payment";
import { listCustomizableFamilyOptions } from "./list-customizable-family-options";

/**
 * Before an admin creates a payment: when it buys a customizable family, its items must say which child codes to
 * issue (customizableFamilyItemsProblem) — `family_payment_items_invalid` (400) otherwise. Other payments pass.
 */
export async function checkCustomizableFamilyPayment(
  db: Db,
  items: readonly { subscriptionTypeCode: string; count: number }[],
): Promise<void> {
  const families = await listCustomizableFamilyOptions(db);
  const family = families.find((candidate) =>
    items.some((item) => item.subscriptionTypeCode === candidate.masterCode),
  );
  if (!family) return;
  if (
    families.filter((candidate) =>
      items.some((item) => item.subscriptionTypeCode === candidate.masterCode),
    ).length > 1
  ) {
    throw invalid("family_payment_items_invalid", "Buy one customizable family per payment.");
  }
  const problem = customizableFamilyItemsProblem(items, family);
  if (problem) throw invalid("family_payment_items_invalid", problem);
}
