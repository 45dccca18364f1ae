import { z } from "zod";
import type { CardSummary } from "./gateways/gateway";

const cardSummarySchema = z.object({
  brand: z.string().min(1).max(40),
  last4: z.string().regex(/^\d{4}$/),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2000).max(2200),
});

/** A card summary stored in JSON (a payment's meta), or null when absent or malformed. UI-safe. */
export function cardSummaryOf(value: unknown): CardSummary | null {
  const parsed = cardSummarySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** "Visa •••• 4242, expires 12/2030". */
export function describeCard(card: CardSummary): string {
  const brand = card.brand.charAt(0).toUpperCase() + card.brand.slice(1);
  return `${brand} •••• ${card.last4}, expires ${String(card.expMonth).padStart(2, "0")}/${card.expYear}`;
}

/** A recurrent payment's card columns, as they are stored. */
export interface CardColumns {
  cardBrand: string | null;
  cardLast4: string | null;
  cardExpMonth: number | null;
  cardExpYear: number | null;
}

/** The card a recurrent payment charges, or null when the gateway never described it. UI-safe. */
export function cardOfColumns(row: CardColumns): CardSummary | null {
  const { cardBrand: brand, cardLast4: last4, cardExpMonth: expMonth, cardExpYear: expYear } = row;
  return brand && last4 && expMonth && expYear ? { brand, last4, expMonth, expYear } : null;
}

/** The columns that store a card (all null without one). */
export function cardColumns(card: CardSummary | null | undefined): CardColumns {
  return {
    cardBrand: card?.brand ?? null,
    cardLast4: card?.last4 ?? null,
    cardExpMonth: card?.expMonth ?? null,
    cardExpYear: card?.expYear ?? null,
  };
}
